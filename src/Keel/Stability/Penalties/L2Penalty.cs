using Keel.Tensors;

namespace Keel.Stability;

/// <summary>The L2 penalty <c>λ/2 · ‖w‖²</c>, whose gradient is <c>λ·w</c>.</summary>
/// <remarks>
/// With plain SGD it equals PyTorch's coupled <c>weight_decay = λ</c>. Keras' <c>L2(l2)</c> adds
/// <c>l2 · ‖w‖²</c> without the half, so Keras' <c>l2</c> is λ/2 here. Unlike decoupled decay
/// (<see cref="Optim.AdamW"/>), it passes through an adaptive optimizer's scaling.
/// </remarks>
public sealed class L2Penalty : Penalty
{
    internal L2Penalty(float lambda)
    {
        CheckStrength(lambda, nameof(lambda));
        Lambda = lambda;
    }

    /// <summary>λ.</summary>
    public float Lambda { get; }

    private protected override Tensor Term(Parameter parameter) => SumOfSquares(parameter) * (Lambda / 2f);
}
