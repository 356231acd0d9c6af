using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Mean over the given axes (all when none; negative axes count from the end), as
    /// <c>torch.mean</c>; reduced axes are dropped unless <paramref name="keepDim"/>. The mean of
    /// no elements is NaN, as in PyTorch.
    /// </summary>
    public Tensor Mean(int[]? axes = null, bool keepDim = false) => MeanOp.Forward(this, axes ?? [], keepDim);

    /// <summary>Mean over one axis.</summary>
    public Tensor Mean(int axis, bool keepDim = false) => MeanOp.Forward(this, [axis], keepDim);
}

/// <summary><c>y = (1/n) Σ x</c> over the reduced axes (n elements each); <c>∂L/∂x = ∂L/∂y / n</c> broadcast back.</summary>
internal sealed class MeanOp(Tensor x, BroadcastPlan plan, float scale) : Op(x)
{
    public override string Name => "Mean";

    public static Tensor Forward(Tensor x, ReadOnlySpan<int> axes, bool keepDim)
    {
        var (kept, output) = ReductionShapes.Shapes("Mean", x.Shape, axes, keepDim);
        var plan = BroadcastPlan.Create(kept.Dims, x.Shape.Dims);
        float scale = 1f / ReductionShapes.Count(x.Shape, kept);
        var y = Tensor.Pooled(output, clear: true);
        BroadcastKernels.ReduceAdd(plan, Operand.A, x.Data, y.Data);
        TensorPrimitives.Multiply(y.Data, scale, y.Data);
        if (ShouldRecord(x)) y.SetOp(new MeanOp(x, plan, scale));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var scaled = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        TensorPrimitives.Multiply(outputGrad, scale, scaled);
        BroadcastKernels.ExpandAdd(plan, Operand.A, scaled, Inputs[0].GradForAccumulation());
        BufferPool.Shared.Return(scaled);
    }
}
