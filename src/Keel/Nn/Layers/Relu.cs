using Keel.Tensors;

namespace Keel.Nn;

/// <summary><c>y = max(0, x)</c> elementwise, PyTorch's <c>nn.ReLU</c>. Pair it with He/Kaiming initialization (gain √2).</summary>
public sealed class Relu : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Relu();

    /// <inheritdoc />
    public override string ToString() => "ReLU";
}
