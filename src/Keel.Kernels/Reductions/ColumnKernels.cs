using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Keel.Kernels.Reductions;

/// <summary>
/// Loops over every row of a row-major <c>[rows, columns]</c> block in one call: a span operation
/// per row pays a call per row, which for a batch of 32 rows of a few dozen columns costs more than
/// the arithmetic.
/// </summary>
/// <remarks>
/// Each element gets the same single additions, in the same order, as adding the rows one at a time
/// with <c>TensorPrimitives.Add</c>, so the results are bit for bit the same.
/// </remarks>
public static class ColumnKernels
{
    /// <summary>Rows added per pass over the sums: eight streams read side by side, the sums loaded and stored once per eight rows.</summary>
    private const int RowsPerPass = 8;

    /// <summary><c>sums[c] += m[0, c] + m[1, c] + … + m[rows−1, c]</c>, adding the rows in order.</summary>
    /// <param name="matrix">The block, <c>rows · sums.Length</c> values.</param>
    /// <param name="sums">One sum per column, added to.</param>
    public static void AccumulateSums(ReadOnlySpan<float> matrix, Span<float> sums)
    {
        int columns = sums.Length;
        if (columns == 0) return;
        if (matrix.Length % columns != 0)
            throw new ArgumentException($"AccumulateSums: {matrix.Length} values do not form rows of {columns} columns");
        int rows = matrix.Length / columns;
        ref float s = ref MemoryMarshal.GetReference(sums);
        for (int first = 0; first < rows; first += RowsPerPass)
        {
            int count = Math.Min(RowsPerPass, rows - first);
            ref float m = ref Unsafe.Add(ref MemoryMarshal.GetReference(matrix), (nint)((long)first * columns));
            int c = 0;
            if (count == RowsPerPass)
            {
                nuint stride = (nuint)columns;
                for (; c + 8 <= columns; c += 8)
                {
                    nuint at = (nuint)c;
                    var sum = Vector256.LoadUnsafe(ref s, at) + Vector256.LoadUnsafe(ref m, at);
                    sum += Vector256.LoadUnsafe(ref m, at + stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 2 * stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 3 * stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 4 * stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 5 * stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 6 * stride);
                    sum += Vector256.LoadUnsafe(ref m, at + 7 * stride);
                    sum.StoreUnsafe(ref s, at);
                }
            }
            for (; c + 8 <= columns; c += 8)
            {
                var sum = Vector256.LoadUnsafe(ref s, (nuint)c);
                for (int r = 0; r < count; r++) sum += Vector256.LoadUnsafe(ref m, (nuint)((long)r * columns + c));
                sum.StoreUnsafe(ref s, (nuint)c);
            }
            for (; c < columns; c++)
            {
                float sum = Unsafe.Add(ref s, c);
                for (int r = 0; r < count; r++) sum += Unsafe.Add(ref m, (nint)((long)r * columns + c));
                Unsafe.Add(ref s, c) = sum;
            }
        }
    }

    /// <summary><c>m[r, c] += row[c]</c> for every row r.</summary>
    /// <param name="matrix">The block, <c>rows · row.Length</c> values, updated in place.</param>
    /// <param name="row">The row added to each of the block's rows.</param>
    public static void AddToEveryRow(Span<float> matrix, ReadOnlySpan<float> row)
    {
        int columns = row.Length;
        if (columns == 0) return;
        if (matrix.Length % columns != 0)
            throw new ArgumentException($"AddToEveryRow: {matrix.Length} values do not form rows of {columns} columns");
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float b = ref MemoryMarshal.GetReference(row);
        for (long start = 0; start < matrix.Length; start += columns)
        {
            ref float target = ref Unsafe.Add(ref m, (nint)start);
            int c = 0;
            for (; c + 8 <= columns; c += 8)
            {
                (Vector256.LoadUnsafe(ref target, (nuint)c) + Vector256.LoadUnsafe(ref b, (nuint)c)).StoreUnsafe(ref target, (nuint)c);
            }
            for (; c < columns; c++) Unsafe.Add(ref target, c) += Unsafe.Add(ref b, c);
        }
    }
}
