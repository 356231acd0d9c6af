using Keel.Kernels.Broadcasting;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Sum over the given axes (all when none); summed axes are dropped unless <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int[]? axes = null, bool keepDim = false) => SumOp.Forward(this, axes ?? [], keepDim);

    /// <summary>Sum over one axis.</summary>
    public Tensor Sum(int axis, bool keepDim = false) => SumOp.Forward(this, [axis], keepDim);
}

/// <summary>
/// <c>y = Σ x</c> over the given axes (all when none), keeping them as size 1 when
/// <c>keepDim</c>; <c>∂L/∂x = ∂L/∂y</c> broadcast back over the summed axes.
/// </summary>
internal sealed class SumOp(Tensor x, BroadcastPlan plan) : Op(x)
{
    public override string Name => "Sum";

    public static Tensor Forward(Tensor x, ReadOnlySpan<int> axes, bool keepDim)
    {
        var (kept, output) = ReductionShapes.Shapes("Sum", x.Shape, axes, keepDim);
        var plan = BroadcastPlan.Create(kept.Dims, x.Shape.Dims);
        var y = Tensor.Pooled(output, clear: true);
        BroadcastKernels.ReduceAdd(plan, Operand.A, x.Data, y.Data);
        if (ShouldRecord(x)) y.SetOp(new SumOp(x, plan));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => BroadcastKernels.ExpandAdd(plan, Operand.A, outputGrad, Inputs[0].GradForAccumulation());
}
