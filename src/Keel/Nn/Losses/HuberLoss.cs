using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Huber loss (Huber, 1964), PyTorch's <c>nn.HuberLoss</c> and Keras' <c>Huber</c>, with d = x − y:
/// <c>ℓ = ½d²</c> where <c>|d| ≤ δ</c>, <c>δ·(|d| − ½δ)</c> elsewhere; δ = 1 by default.
/// </summary>
/// <remarks>
/// Computed as <c>½q² + δ·(|d| − q)</c> with <c>q = min(|d|, δ)</c>, which is both branches at
/// once. Quadratic near zero, linear in the tails, so outliers pull with a bounded gradient δ.
/// Shapes must match.
/// </remarks>
public sealed class HuberLoss : Loss
{
    /// <summary>A Huber loss with threshold <paramref name="delta"/>.</summary>
    public HuberLoss(Reduction reduction = Reduction.Mean, float delta = 1f)
        : base(reduction)
    {
        if (!(delta > 0f)) throw new ArgumentException($"HuberLoss: delta must be positive, got {delta}", nameof(delta));
        Delta = delta;
    }

    /// <summary>δ, where the loss turns from quadratic to linear.</summary>
    public float Delta { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var absolute = (input - target).Abs();
        var quadratic = absolute.Clamp(max: Delta);
        return Reduce(quadratic * quadratic * 0.5f + (absolute - quadratic) * Delta);
    }
}
