using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// <c>y = x</c> for x ≥ 0, <c>negativeSlope·x</c> otherwise: PyTorch's <c>nn.LeakyReLU</c>
/// (default slope 0.01; Keras' <c>LeakyReLU</c> defaults to 0.3). Gain √(2/(1 + slope²)).
/// </summary>
public sealed class LeakyRelu(float negativeSlope = 0.01f) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public float NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);

    /// <inheritdoc />
    public override string ToString() => $"LeakyReLU({NegativeSlope})";
}
