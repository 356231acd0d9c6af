using System.Buffers;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Reductions;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// The index along <paramref name="axis"/> (default the last) of the first maximal element of
    /// each slice, as whole numbers in a float tensor, like <c>torch.argmax(x, dim)</c>; the axis is
    /// dropped unless <paramref name="keepDim"/>. Records nothing: indices have no gradient.
    /// </summary>
    /// <exception cref="ArgumentException">A bad axis, or an axis of size 0.</exception>
    public Tensor ArgMax(int axis = -1, bool keepDim = false) => ArgExtremum.Compute(this, axis, keepDim, minimum: false);

    /// <summary>The index of the first minimal element along <paramref name="axis"/>; see <see cref="ArgMax"/>.</summary>
    public Tensor ArgMin(int axis = -1, bool keepDim = false) => ArgExtremum.Compute(this, axis, keepDim, minimum: true);
}

/// <summary>Arg-max and arg-min along one axis, from the positions the max and min kernels report.</summary>
internal static class ArgExtremum
{
    public static Tensor Compute(Tensor x, int axis, bool keepDim, bool minimum)
    {
        string name = minimum ? "ArgMin" : "ArgMax";
        var layout = AxisLayout.Of(name, x.Shape, axis);
        var (kept, output) = ReductionShapes.Shapes(name, x.Shape, [layout.Axis], keepDim);
        if (layout.N == 0 && output.Size > 0)
            throw new ArgumentException($"{name}: cannot reduce over an empty axis of shape {x.Shape}; the result would have no value");
        var plan = BroadcastPlan.Create(kept.Dims, x.Shape.Dims);
        var y = Tensor.Pooled(output, clear: false);
        var positions = ArrayPool<int>.Shared.Rent(y.Size);
        ExtremumKernels.Forward(plan, x.Data, y.Data, positions.AsSpan(0, y.Size), minimum);
        var data = y.Data;
        for (int j = 0; j < data.Length; j++) data[j] = positions[j] / layout.Inner % layout.N;
        ArrayPool<int>.Shared.Return(positions);
        return y;
    }
}
