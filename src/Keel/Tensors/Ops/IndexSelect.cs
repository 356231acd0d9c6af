using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Embedding lookup <c>C[X]</c>: rows of this tensor (shape <c>[V, …]</c>) picked by the whole
    /// numbers in <paramref name="indices"/> (any shape), giving shape <c>X.shape + C.shape[1:]</c>,
    /// like PyTorch's <c>C[X]</c> with an integer tensor. Gradients of repeated rows add up.
    /// </summary>
    /// <exception cref="ArgumentException">An index is not a whole number in <c>[0, V)</c>; the message names it and its position.</exception>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[Tensor indices] => IndexSelectOp.Forward("Index", this, 0, indices, indices.Shape);

    /// <summary>
    /// The slices of this tensor along <paramref name="axis"/> at the given positions, in their
    /// order (<c>torch.index_select</c>): <paramref name="indices"/> is 1-D and replaces that axis's size.
    /// </summary>
    /// <exception cref="ArgumentException">The indices are not 1-D, or one is not a whole number in range.</exception>
    public Tensor IndexSelect(int axis, Tensor indices)
    {
        if (indices.Rank != 1) throw new ArgumentException($"IndexSelect: indices must be 1-D, got shape {indices.Shape}");
        return IndexSelectOp.Forward("IndexSelect", this, axis, indices, indices.Shape);
    }
}

/// <summary>
/// <c>y[o, j, i] = x[o, idx[j], i]</c> where o runs over the axes before <c>axis</c> and i over
/// those after; <c>∂L/∂x[o, idx[j], i] += ∂L/∂y[o, j, i]</c> (scatter-add, so repeated indices sum).
/// </summary>
internal sealed class IndexSelectOp(Tensor x, int[] index, int count, int outer, int n, int inner) : Op(x)
{
    private int[]? _index = index;

    public override string Name => "IndexSelect";

    /// <summary>Selects along <paramref name="axis"/>; the output's shape puts <paramref name="indexShape"/> in place of that axis.</summary>
    public static Tensor Forward(string name, Tensor x, int axis, Tensor indices, Shape indexShape)
    {
        if (x.Rank == 0) throw new ArgumentException($"{name}: cannot index a scalar (shape {x.Shape})");
        var (a, outer, n, inner) = AxisLayout.Of(name, x.Shape, axis);
        var index = IndexChecks.RentIndices(name, indices, n, () => $"axis {a} of the tensor of shape {x.Shape}");
        var dims = x.Shape.Dims;
        var shape = new Shape([.. dims[..a], .. indexShape.Dims, .. dims[(a + 1)..]]);

        var y = Tensor.Pooled(shape, clear: false);
        ReadOnlySpan<float> source = x.Data;
        var target = y.Data;
        int k = indices.Size;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < k; j++)
                source.Slice((o * n + index[j]) * inner, inner).CopyTo(target.Slice((o * k + j) * inner, inner));
        }
        if (ShouldRecord(x)) y.SetOp(new IndexSelectOp(x, index, k, outer, n, inner));
        else System.Buffers.ArrayPool<int>.Shared.Return(index);
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var index = _index ?? throw new InvalidOperationException("IndexSelect: backward after its saved indices were released");
        var dx = Inputs[0].GradForAccumulation();
        int k = count;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < k; j++)
            {
                var row = dx.Slice((o * n + index[j]) * inner, inner);
                System.Numerics.Tensors.TensorPrimitives.Add(row, outputGrad.Slice((o * k + j) * inner, inner), row);
            }
        }
    }

    public override void ReleaseSaved()
    {
        if (_index is { } saved) System.Buffers.ArrayPool<int>.Shared.Return(saved);
        _index = null;
    }
}
