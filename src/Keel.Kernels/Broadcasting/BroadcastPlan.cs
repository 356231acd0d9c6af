namespace Keel.Kernels.Broadcasting;

/// <summary>
/// How two operands A and B broadcast to one output under numpy's rules, reduced to rows of a
/// contiguous inner run so that kernels can vectorize the inner loop.
/// </summary>
/// <remarks>
/// Shapes are aligned at their last axis; an axis of size 1 stretches to the other's size; any
/// other mismatch is an error. Output element <c>out[r·Inner + i]</c> reads
/// <c>a[AOffsets[r] + i·AStride]</c> and <c>b[BOffsets[r] + i·BStride]</c>, where each inner
/// stride is 1 (the operand varies along the run) or 0 (it is broadcast along it). Adjacent axes
/// that step alike in both operands are merged first, so <c>[32, 200] + [200]</c> is 32 rows of
/// 200 and two equal shapes are a single row.
/// </remarks>
public sealed class BroadcastPlan
{
    private BroadcastPlan(int[] outputShape, int inner, int aStride, int bStride, int[] aOffsets, int[] bOffsets)
    {
        OutputShape = outputShape;
        Inner = inner;
        AStride = aStride;
        BStride = bStride;
        AOffsets = aOffsets;
        BOffsets = bOffsets;
    }

    /// <summary>The broadcast shape of the output.</summary>
    public int[] OutputShape { get; }

    /// <summary>Number of rows (the product of the merged outer axes).</summary>
    public int Rows => AOffsets.Length;

    /// <summary>Length of each contiguous inner run of the output.</summary>
    public int Inner { get; }

    /// <summary>Step of A along the inner run: 1, or 0 when A is broadcast along it.</summary>
    public int AStride { get; }

    /// <summary>Step of B along the inner run: 1, or 0 when B is broadcast along it.</summary>
    public int BStride { get; }

    /// <summary>Offset into A where each row starts.</summary>
    public int[] AOffsets { get; }

    /// <summary>Offset into B where each row starts.</summary>
    public int[] BOffsets { get; }

    /// <summary>The broadcast shape of A and B, or null when they do not broadcast.</summary>
    public static int[]? BroadcastShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = DimFromRight(a, rank - 1 - i), db = DimFromRight(b, rank - 1 - i);
            if (da != db && da != 1 && db != 1) return null;
            shape[i] = da == 1 ? db : da;
        }
        return shape;
    }

    /// <summary>Plans the broadcast of A against B.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast; the message names both.</exception>
    public static BroadcastPlan Create(ReadOnlySpan<int> aShape, ReadOnlySpan<int> bShape)
    {
        var outShape = BroadcastShape(aShape, bShape)
            ?? throw new ArgumentException($"shapes {Format(aShape)} and {Format(bShape)} do not broadcast");
        int rank = outShape.Length;

        // Per output axis: size and each operand's element stride (0 where broadcast).
        Span<int> size = stackalloc int[rank], sa = stackalloc int[rank], sb = stackalloc int[rank];
        int strideA = 1, strideB = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            int da = DimFromRight(aShape, rank - 1 - axis), db = DimFromRight(bShape, rank - 1 - axis);
            size[axis] = outShape[axis];
            sa[axis] = da == 1 ? 0 : strideA;
            sb[axis] = db == 1 ? 0 : strideB;
            strideA *= da;
            strideB *= db;
        }

        // Drop axes of size 1 and merge an axis into its inner neighbour when both operands step alike.
        int count = 0;
        for (int axis = 0; axis < rank; axis++)
        {
            if (size[axis] == 1) continue;
            if (count > 0 && sa[count - 1] == sa[axis] * size[axis] && sb[count - 1] == sb[axis] * size[axis])
            {
                size[count - 1] *= size[axis];
                sa[count - 1] = sa[axis];
                sb[count - 1] = sb[axis];
                continue;
            }
            size[count] = size[axis];
            sa[count] = sa[axis];
            sb[count] = sb[axis];
            count++;
        }

        int inner = count == 0 ? 1 : size[count - 1];
        int innerA = count == 0 ? 0 : sa[count - 1], innerB = count == 0 ? 0 : sb[count - 1];
        int rows = 1;
        for (int d = 0; d < count - 1; d++) rows *= size[d];
        if (inner == 0 || rows == 0) rows = 0;

        var aOffsets = new int[rows];
        var bOffsets = new int[rows];
        Span<int> index = stackalloc int[Math.Max(count - 1, 1)];
        index.Clear();
        int offA = 0, offB = 0;
        for (int r = 0; r < rows; r++)
        {
            aOffsets[r] = offA;
            bOffsets[r] = offB;
            for (int d = count - 2; d >= 0; d--)
            {
                index[d]++;
                offA += sa[d];
                offB += sb[d];
                if (index[d] < size[d]) break;
                offA -= sa[d] * size[d];
                offB -= sb[d] * size[d];
                index[d] = 0;
            }
        }
        return new BroadcastPlan(outShape, inner, innerA, innerB, aOffsets, bOffsets);
    }

    /// <summary>Formats a shape as <c>[2, 3]</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    private static int DimFromRight(ReadOnlySpan<int> shape, int fromRight)
        => fromRight < shape.Length ? shape[shape.Length - 1 - fromRight] : 1;
}
