using Keel.Tensors;

namespace Keel.Nn;

/// <summary><c>y = tanh(x)</c> elementwise, like PyTorch's <c>nn.Tanh</c>. Pair it with the gain 5/3 (<see cref="Gain.For"/>).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Tanh();
}
