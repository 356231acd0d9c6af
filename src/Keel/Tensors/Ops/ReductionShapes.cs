namespace Keel.Tensors;

/// <summary>Shape bookkeeping shared by the reductions (sum, mean, variance, max).</summary>
internal static class ReductionShapes
{
    /// <summary>
    /// The result's shape with reduced axes kept as size 1 (<c>Kept</c>) and as returned
    /// (<c>Output</c>: the same, or without those axes unless <paramref name="keepDim"/>).
    /// No axes means all axes.
    /// </summary>
    public static (Shape Kept, Shape Output) Shapes(string op, Shape input, ReadOnlySpan<int> axes, bool keepDim)
    {
        Span<bool> reduced = stackalloc bool[input.Rank];
        if (axes.IsEmpty) reduced.Fill(true);
        foreach (var axis in axes)
        {
            int a = axis < 0 ? axis + input.Rank : axis;
            if (a < 0 || a >= input.Rank) throw new ArgumentException($"{op}: axis {axis} is out of range for shape {input}");
            if (reduced[a] && !axes.IsEmpty && axes.IndexOf(axis) != axes.LastIndexOf(axis))
                throw new ArgumentException($"{op}: axis {axis} is given twice");
            reduced[a] = true;
        }
        Span<int> kept = stackalloc int[input.Rank];
        Span<int> output = stackalloc int[input.Rank];
        int outRank = 0;
        for (int d = 0; d < input.Rank; d++)
        {
            kept[d] = reduced[d] ? 1 : input.Dims[d];
            if (!reduced[d] || keepDim) output[outRank++] = kept[d];
        }
        return (new Shape(kept), new Shape(output[..outRank]));
    }

    /// <summary>The number of input elements that fold into each output element.</summary>
    public static int Count(Shape input, Shape kept) => kept.Size == 0 ? 0 : input.Size / kept.Size;
}
