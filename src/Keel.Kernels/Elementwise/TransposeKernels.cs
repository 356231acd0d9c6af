namespace Keel.Kernels.Elementwise;

/// <summary>Matrix transposition as a copy.</summary>
public static class TransposeKernels
{
    private const int Block = 32;

    /// <summary>
    /// <c>y[j·rows + i] (+)= x[i·cols + j]</c> for a row-major <c>[rows, cols]</c> matrix x, in
    /// 32 × 32 tiles so that both sides stay in cache; adds when <paramref name="accumulate"/>.
    /// </summary>
    public static void Transpose(ReadOnlySpan<float> x, Span<float> y, int rows, int cols, bool accumulate)
    {
        if (rows < 0 || cols < 0 || (long)rows * cols != x.Length || y.Length != x.Length)
            throw new ArgumentException($"Transpose: a [{rows}, {cols}] matrix does not match lengths {x.Length} and {y.Length}");
        for (int i0 = 0; i0 < rows; i0 += Block)
        {
            for (int j0 = 0; j0 < cols; j0 += Block)
            {
                int iEnd = Math.Min(i0 + Block, rows), jEnd = Math.Min(j0 + Block, cols);
                for (int i = i0; i < iEnd; i++)
                {
                    for (int j = j0; j < jEnd; j++)
                    {
                        if (accumulate) y[j * rows + i] += x[i * cols + j];
                        else y[j * rows + i] = x[i * cols + j];
                    }
                }
            }
        }
    }
}
