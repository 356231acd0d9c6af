using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Both penalties: <c>λ₁ · Σ|w| + λ₂/2 · ‖w‖²</c> (elastic net).</summary>
/// <remarks>Keras' <c>L1L2(l1, l2)</c> has <c>l2 · ‖w‖²</c> without the half: its <c>l2</c> is λ₂/2 here.</remarks>
public sealed class L1L2Penalty : Penalty
{
    internal L1L2Penalty(float l1, float l2)
    {
        CheckStrength(l1, nameof(l1));
        CheckStrength(l2, nameof(l2));
        (L1, L2) = (l1, l2);
    }

    /// <summary>λ₁.</summary>
    public float L1 { get; }

    /// <summary>λ₂.</summary>
    public float L2 { get; }

    private protected override Tensor Term(Parameter parameter)
        => SumOfMagnitudes(parameter) * L1 + SumOfSquares(parameter) * (L2 / 2f);
}
