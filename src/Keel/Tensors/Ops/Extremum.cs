using System.Buffers;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Reductions;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Maximum over the given axes (all when none), as <c>torch.amax</c>; reduced axes are dropped
    /// unless <paramref name="keepDim"/>. NaN wins. The gradient goes to the first maximal element
    /// (row-major) of each reduced slice, as <c>torch.max(dim)</c> does; PyTorch's full
    /// <c>max()</c> and <c>amax</c> instead split it evenly among tied elements.
    /// </summary>
    /// <exception cref="ArgumentException">A bad axis, or a reduced axis of size 0.</exception>
    public Tensor Max(int[]? axes = null, bool keepDim = false) => ExtremumOp.Forward(this, axes ?? [], keepDim, minimum: false);

    /// <summary>Maximum over one axis; see <see cref="Max(int[], bool)"/>.</summary>
    public Tensor Max(int axis, bool keepDim = false) => ExtremumOp.Forward(this, [axis], keepDim, minimum: false);

    /// <summary>Minimum over the given axes (all when none); like <see cref="Max(int[], bool)"/>, the gradient goes to the first minimal element.</summary>
    public Tensor Min(int[]? axes = null, bool keepDim = false) => ExtremumOp.Forward(this, axes ?? [], keepDim, minimum: true);

    /// <summary>Minimum over one axis; see <see cref="Min(int[], bool)"/>.</summary>
    public Tensor Min(int axis, bool keepDim = false) => ExtremumOp.Forward(this, [axis], keepDim, minimum: true);
}

/// <summary>
/// <c>y = max x</c> (or min) over the reduced axes; <c>∂L/∂x = ∂L/∂y</c> at the first element
/// attaining it in each slice, 0 elsewhere. The winners' positions are saved (pooled, returned in
/// <see cref="ReleaseSaved"/>).
/// </summary>
internal sealed class ExtremumOp(Tensor x, int[] positions, bool minimum) : Op(x)
{
    private int[]? _positions = positions;

    public override string Name => minimum ? "Min" : "Max";

    public static Tensor Forward(Tensor x, ReadOnlySpan<int> axes, bool keepDim, bool minimum)
    {
        string name = minimum ? "Min" : "Max";
        var (kept, output) = ReductionShapes.Shapes(name, x.Shape, axes, keepDim);
        if (x.Size == 0 && output.Size > 0)
            throw new ArgumentException($"{name}: cannot reduce over an empty axis of shape {x.Shape}; the result would have no value");
        var plan = BroadcastPlan.Create(kept.Dims, x.Shape.Dims);
        var y = Tensor.Pooled(output, clear: false);
        var positions = ArrayPool<int>.Shared.Rent(y.Size);
        ExtremumKernels.Forward(plan, x.Data, y.Data, positions.AsSpan(0, y.Size), minimum);
        if (ShouldRecord(x)) y.SetOp(new ExtremumOp(x, positions, minimum));
        else ArrayPool<int>.Shared.Return(positions);
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var positions = _positions ?? throw new InvalidOperationException($"{Name}: backward after its saved positions were released");
        ExtremumKernels.Backward(positions.AsSpan(0, outputGrad.Length), outputGrad, Inputs[0].GradForAccumulation());
    }

    public override void ReleaseSaved()
    {
        if (_positions is { } saved) ArrayPool<int>.Shared.Return(saved);
        _positions = null;
    }
}
