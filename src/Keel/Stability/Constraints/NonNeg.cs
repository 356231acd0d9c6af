using System.Numerics.Tensors;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Keras' <c>NonNeg</c>: negative values become 0, <c>w ← max(w, 0)</c>.</summary>
public sealed class NonNeg : PerTensorConstraint
{
    internal NonNeg()
    {
    }

    private protected override void ApplyTo(Parameter parameter, int position) => TensorPrimitives.Max(parameter.Data, 0f, parameter.Data);
}
