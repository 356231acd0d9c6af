using Keel.Tensors;

namespace Keel.Nn;

/// <summary><c>y = 1/(1 + e⁻ˣ)</c> elementwise, like PyTorch's <c>nn.Sigmoid</c>. Its gain is 1 (<see cref="Gain.For"/>).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
