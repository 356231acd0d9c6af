using Keel.Kernels.Reductions;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// <c>softmax(x)ⱼ = exp(xⱼ − max x) / Σₖ exp(xₖ − max x)</c> along <paramref name="axis"/>
    /// (default the last), as <c>torch.softmax</c>; max-subtracted, so large values do not overflow.
    /// </summary>
    public Tensor Softmax(int axis = -1) => SoftmaxOp.Forward(this, axis, log: false);

    /// <summary>
    /// <c>log_softmax(x)ⱼ = xⱼ − max x − log Σₖ exp(xₖ − max x)</c> along <paramref name="axis"/>
    /// (default the last), as <c>torch.log_softmax</c>; stable for large values.
    /// </summary>
    public Tensor LogSoftmax(int axis = -1) => SoftmaxOp.Forward(this, axis, log: true);
}

/// <summary>
/// Softmax (or log-softmax) along one axis. Backward from the output y: softmax
/// <c>∂L/∂x = y ⊙ (∂L/∂y − Σⱼ ∂L/∂yⱼ·yⱼ)</c>; log-softmax <c>∂L/∂x = ∂L/∂y − exp(y) · Σⱼ ∂L/∂yⱼ</c>.
/// </summary>
internal sealed class SoftmaxOp(Tensor x, AxisLayout layout, bool log) : Op(x)
{
    public override string Name => log ? "LogSoftmax" : "Softmax";

    public static Tensor Forward(Tensor x, int axis, bool log)
    {
        var layout = AxisLayout.Of(log ? "LogSoftmax" : "Softmax", x.Shape, axis);
        var y = Tensor.Pooled(x.Shape, clear: false);
        SoftmaxKernels.Forward(x.Data, y.Data, layout.Outer, layout.N, layout.Inner, log);
        if (ShouldRecord(x)) y.SetOp(new SoftmaxOp(x, layout, log));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => SoftmaxKernels.Backward(output.Data, outputGrad, Inputs[0].GradForAccumulation(), layout.Outer, layout.N, layout.Inner, log);
}
