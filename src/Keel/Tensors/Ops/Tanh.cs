using Keel.Kernels.Elementwise;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise hyperbolic tangent.</summary>
    public Tensor Tanh() => TanhOp.Forward(this);
}

/// <summary><c>y = tanh(x)</c>; <c>∂L/∂x = ∂L/∂y · (1 − y²)</c>.</summary>
internal sealed class TanhOp(Tensor x) : Op(x)
{
    public override string Name => "Tanh";

    public static Tensor Forward(Tensor x)
    {
        var y = Tensor.Pooled(x.Shape, clear: false);
        TanhKernels.Forward(x.Data, y.Data);
        if (ShouldRecord(x)) y.SetOp(new TanhOp(x));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => TanhKernels.Backward(output.Data, outputGrad, Inputs[0].GradForAccumulation());
}
