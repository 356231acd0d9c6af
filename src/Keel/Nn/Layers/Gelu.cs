using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// <c>y = x·Φ(x)</c> (Hendrycks and Gimpel, 2016), PyTorch's <c>nn.GELU</c>: exact by default,
/// or the tanh approximation with <see cref="GeluApproximation.Tanh"/> (Keras' <c>approximate=True</c>).
/// </summary>
public sealed class Gelu(GeluApproximation approximate = GeluApproximation.None) : Module
{
    /// <summary>Exact or tanh approximation.</summary>
    public GeluApproximation Approximate { get; } = approximate;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Gelu(Approximate);

    /// <inheritdoc />
    public override string ToString() => Approximate == GeluApproximation.None ? "GELU" : "GELU(tanh)";
}
