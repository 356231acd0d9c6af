using System.Buffers;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Picks values along <paramref name="axis"/> by <paramref name="index"/> (<c>torch.gather</c>):
    /// for axis 1 of a 3-D tensor, <c>y[i, j, k] = x[i, index[i, j, k], k]</c>. The index has this
    /// tensor's rank and no axis longer than this tensor's (except along <paramref name="axis"/>);
    /// the result has the index's shape.
    /// </summary>
    /// <exception cref="ArgumentException">Bad axis or index shape, or an index not a whole number in range.</exception>
    public Tensor Gather(int axis, Tensor index) => GatherOp.Forward(this, axis, index);
}

/// <summary>
/// <c>y[p] = x[p with its axis coordinate replaced by index[p]]</c> for every position p of the
/// index; <c>∂L/∂x</c> at that source position <c>+= ∂L/∂y[p]</c> (scatter-add). The source offsets
/// are saved in a pooled array, returned in <see cref="ReleaseSaved"/>.
/// </summary>
internal sealed class GatherOp(Tensor x, int[] sources, int count) : Op(x)
{
    private int[]? _sources = sources;

    public override string Name => "Gather";

    public static Tensor Forward(Tensor x, int axis, Tensor index)
    {
        if (axis < -x.Rank || axis >= x.Rank || (x.Rank == 0 && axis is not (0 or -1)))
            throw new ArgumentException($"Gather: axis {axis} is out of range for shape {x.Shape}");
        int a = x.Rank == 0 ? 0 : x.Shape.NormalizeAxis(axis);
        if (index.Rank != x.Rank) throw new ArgumentException($"Gather: index of shape {index.Shape} must have the rank of the input's shape {x.Shape}");
        for (int d = 0; d < x.Rank; d++)
        {
            if (d != a && index.Shape[d] > x.Shape[d])
                throw new ArgumentException($"Gather: index of shape {index.Shape} is larger than the input's shape {x.Shape} along axis {d}");
        }
        var sources = SourceOffsets(x.Shape, a, index);
        var y = Tensor.Pooled(index.Shape, clear: false);
        ReadOnlySpan<float> source = x.Data;
        var target = y.Data;
        for (int p = 0; p < target.Length; p++) target[p] = source[sources[p]];
        if (ShouldRecord(x)) y.SetOp(new GatherOp(x, sources, target.Length));
        else ArrayPool<int>.Shared.Return(sources);
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var offsets = _sources ?? throw new InvalidOperationException("Gather: backward after its saved offsets were released");
        var dx = Inputs[0].GradForAccumulation();
        for (int p = 0; p < count; p++) dx[offsets[p]] += outputGrad[p];
    }

    public override void ReleaseSaved()
    {
        if (_sources is { } saved) ArrayPool<int>.Shared.Return(saved);
        _sources = null;
    }

    /// <summary>For each index position, the flat offset in x it reads, in an array rented from the shared int pool.</summary>
    private static int[] SourceOffsets(Shape input, int axis, Tensor index)
    {
        int rank = input.Rank, axisSize = rank == 0 ? 1 : input[axis];
        var strides = new int[rank];
        for (int d = rank - 1, s = 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= input.Dims[d];
        }
        var dims = index.Shape.Dims;
        var coordinate = new int[rank];
        var values = index.Data;
        var offsets = ArrayPool<int>.Shared.Rent(values.Length);
        for (int p = 0; p < values.Length; p++)
        {
            int offset = 0;
            for (int d = 0; d < rank; d++) offset += d == axis ? 0 : coordinate[d] * strides[d];
            if (!IndexChecks.IsIndex(values[p], axisSize))
            {
                ArrayPool<int>.Shared.Return(offsets);
                throw IndexChecks.Error("Gather", values[p], p, index.Shape, axisSize, $"axis {axis} of the input of shape {input}");
            }
            int picked = (int)values[p];
            offsets[p] = offset + (rank == 0 ? 0 : picked * strides[axis]);
            for (int d = rank - 1; d >= 0; d--)
            {
                if (++coordinate[d] < dims[d]) break;
                coordinate[d] = 0;
            }
        }
        return offsets;
    }
}
