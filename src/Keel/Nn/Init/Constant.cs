using Keel.Tensors;

namespace Keel.Nn;

/// <summary>Every value set to <paramref name="Value"/>: PyTorch's <c>constant_</c>, <c>zeros_</c>, <c>ones_</c>; Keras' <c>Constant</c>.</summary>
/// <param name="Value">The value to fill with.</param>
public sealed record Constant(float Value) : IInitializer
{
    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator) => tensor.Data.Fill(Value);
}
