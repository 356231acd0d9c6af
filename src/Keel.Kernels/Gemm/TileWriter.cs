namespace Keel.Kernels.Gemm;

/// <summary>Writes the valid part of a micro-kernel tile that overhangs the edge of C.</summary>
internal static unsafe class TileWriter
{
    /// <summary>
    /// <c>C[r, j] = tile[r, j]</c>, or <c>C[r, j] += tile[r, j]</c> when <paramref name="add"/>, for
    /// <c>r &lt; rows</c>, <c>j &lt; cols</c>. The addition is the same single float addition the
    /// full-tile path does, so an element's value does not depend on which tile it falls in.
    /// </summary>
    public static void WritePartial(float* tile, int tileStride, float* c, nint ldc, int rows, int cols, bool add)
    {
        for (int r = 0; r < rows; r++)
        {
            float* src = tile + r * tileStride;
            float* dst = c + r * ldc;
            if (add)
            {
                for (int j = 0; j < cols; j++) dst[j] = src[j] + dst[j];
            }
            else
            {
                for (int j = 0; j < cols; j++) dst[j] = src[j];
            }
        }
    }
}
