using System.Numerics.Tensors;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

/// <summary>
/// <c>y = scale · x + shift</c> with scalar constants: arithmetic with a float and negation.
/// <c>∂L/∂x = scale · ∂L/∂y</c>.
/// </summary>
internal sealed class ScaleShiftOp(Tensor x, float scale) : Op(x)
{
    public override string Name => scale == 1f ? "AddScalar" : scale == -1f ? "Neg" : "MulScalar";

    public static Tensor Forward(Tensor x, float scale, float shift)
    {
        var y = Tensor.Pooled(x.Shape, clear: false);
        TensorPrimitives.Multiply(x.Data, scale, y.Data);
        if (shift != 0f) TensorPrimitives.Add(y.Data, shift, y.Data);
        if (ShouldRecord(x)) y.SetOp(new ScaleShiftOp(x, scale));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var dx = Inputs[0].GradForAccumulation();
        TensorPrimitives.MultiplyAdd(outputGrad, scale, dx, dx);
    }
}
