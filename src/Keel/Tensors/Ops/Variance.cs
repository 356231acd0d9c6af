using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Variance over the given axes (all when none): <c>Σ (x − x̄)² / (n − c)</c> with n the
    /// number of reduced elements and c = 1 when <paramref name="unbiased"/> (Bessel's correction,
    /// the default of <c>torch.var</c>, its <c>correction=1</c>) or c = 0 (the biased population
    /// variance, <c>correction=0</c>, numpy's and Keras' default). With n ≤ c the result is NaN or ∞, as in PyTorch.
    /// </summary>
    public Tensor Variance(int[]? axes = null, bool keepDim = false, bool unbiased = true)
        => VarianceOp.Forward(this, axes ?? [], keepDim, unbiased);

    /// <summary>Variance over one axis; see <see cref="Variance(int[], bool, bool)"/>.</summary>
    public Tensor Variance(int axis, bool keepDim = false, bool unbiased = true)
        => VarianceOp.Forward(this, [axis], keepDim, unbiased);
}

/// <summary>
/// <c>y = Σ (x − x̄)² / (n − c)</c> over the reduced axes; <c>∂L/∂x = ∂L/∂y · 2 (x − x̄) / (n − c)</c>
/// (the mean's own dependence on x cancels because Σ (x − x̄) = 0).
/// </summary>
internal sealed class VarianceOp(Tensor x, BroadcastPlan plan, int keptSize, int count, float divisor) : Op(x)
{
    public override string Name => "Variance";

    public static Tensor Forward(Tensor x, ReadOnlySpan<int> axes, bool keepDim, bool unbiased)
    {
        var (kept, output) = ReductionShapes.Shapes("Variance", x.Shape, axes, keepDim);
        var plan = BroadcastPlan.Create(kept.Dims, x.Shape.Dims);
        int count = ReductionShapes.Count(x.Shape, kept);
        float divisor = count - (unbiased ? 1 : 0);
        var centered = Centered(x, plan, kept.Size, count);
        TensorPrimitives.Multiply(centered, centered, centered);
        var y = Tensor.Pooled(output, clear: true);
        BroadcastKernels.ReduceAdd(plan, Operand.A, centered, y.Data);
        TensorPrimitives.Divide(y.Data, divisor, y.Data);
        if (count == 0) y.Data.Fill(float.NaN); // the variance of nothing, as PyTorch (not 0 / −1)
        BufferPool.Shared.Return(centered);
        if (ShouldRecord(x)) y.SetOp(new VarianceOp(x, plan, kept.Size, count, divisor));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var x = Inputs[0];
        var centered = Centered(x, plan, keptSize, count);
        var upstream = BufferPool.Shared.Rent(x.Size, clear: true);
        BroadcastKernels.ExpandAdd(plan, Operand.A, outputGrad, upstream);
        TensorPrimitives.Multiply(centered, upstream, centered);
        var dx = x.GradForAccumulation();
        TensorPrimitives.MultiplyAdd(centered, 2f / divisor, dx, dx);
        BufferPool.Shared.Return(centered);
        BufferPool.Shared.Return(upstream);
    }

    /// <summary><c>x − x̄</c> in a rented buffer of x's size.</summary>
    private static float[] Centered(Tensor x, BroadcastPlan plan, int keptSize, int count)
    {
        var mean = BufferPool.Shared.Rent(keptSize, clear: true);
        BroadcastKernels.ReduceAdd(plan, Operand.A, x.Data, mean);
        TensorPrimitives.Divide(mean, count, mean);
        var centered = BufferPool.Shared.Rent(x.Size, clear: false);
        BroadcastKernels.Expand(plan, Operand.A, mean, centered);
        TensorPrimitives.Subtract(x.Data, centered, centered);
        BufferPool.Shared.Return(mean);
        return centered;
    }
}
