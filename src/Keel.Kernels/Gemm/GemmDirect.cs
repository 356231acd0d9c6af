namespace Keel.Kernels.Gemm;

/// <summary>
/// Small products without packing A: the micro-kernel broadcasts A's elements straight from A
/// (either layout; a transposed A's whole tiles go through the kernel's single-pointer loop, since
/// their rows sit side by side) and, when B is not transposed, streams B's rows in place. Only a transposed B and,
/// for kernels without masked loads, B's edge panel are packed, into reused per-thread scratch; a
/// transposed B much larger than A (a layer's input gradient <c>∂L/∂Y · Wᵀ</c>) is avoided by running
/// <c>Cᵀ = B·Aᵀ</c> instead (<see cref="TransposedIsCheaper"/>).
/// </summary>
/// <remarks>
/// Used for shapes like the 32×30×200 layers of a small MLP, where packing A would cost as much
/// as the arithmetic. Single-threaded and free of allocations; each element of C is summed over
/// all of k in one pass (no k blocks). One or two rows left below the last whole tile (32 rows are
/// five tiles of 6 and 2 more) go through the kernel's row-pair strip where it has one.
/// </remarks>
internal static unsafe class GemmDirect
{
    /// <summary>Runs the whole product on the calling thread.</summary>
    public static void Run(in GemmProblem g, MicroKernel kernel)
    {
        if (TransposedIsCheaper(g, kernel.Nr)) RunTransposed(g, kernel);
        else RunInPlace(g, kernel);
    }

    /// <summary>
    /// Whether <c>C = A·Bᵀ</c> (the input gradient <c>∂L/∂Y · Wᵀ</c> of a layer) is cheaper as
    /// <c>Cᵀ = B·Aᵀ</c>, which packs A's <c>m·k</c> floats instead of B's <c>n·k</c> but must transpose
    /// the <c>m·n</c> result. Costs in multiply-adds, with ⌈x⌉ rounded up to whole panels of nr columns
    /// (the kernel computes whole panels):
    /// <code>
    /// in place:   m·k·⌈n⌉ + 7·n·k
    /// swapped:    n·k·⌈m⌉ + 7·(m·k + m·n)
    /// </code>
    /// A packed or transposed float costs about 7 multiply-adds (16–64-row products on a Zen 3 core).
    /// A batch of 32 through a layer of 128 inputs and outputs: about 10 % faster swapped.
    /// </summary>
    internal static bool TransposedIsCheaper(in GemmProblem g, int nr)
    {
        if (!g.TransposeB || g.TransposeA || g.Accumulate || g.N < 8) return false;
        long m = g.M, k = g.K, n = g.N;
        long inPlace = m * k * RoundUp(n, nr) + 7 * n * k;
        long swapped = n * k * RoundUp(m, nr) + 7 * (m * k + m * n);
        return swapped < inPlace;
    }

    private static long RoundUp(long x, int multiple) => (x + multiple - 1) / multiple * multiple;

    /// <summary>
    /// <c>Cᵀ = B·Aᵀ</c> into per-thread scratch, then transposed into C in 8×8 blocks, a band of eight
    /// rows of C at a time (the last band and block overlap the one before and rewrite a few elements
    /// with the same values). Each element is the same sum in the same order as in
    /// <see cref="RunInPlace"/> (a fused multiply-add does not depend on the order of its two factors),
    /// so the bits do not change.
    /// </summary>
    private static void RunTransposed(in GemmProblem g, MicroKernel kernel)
    {
        int m = g.M, n = g.N;
        float* transposed = PackBuffers.ForC((long)n * m);
        RunInPlace(new GemmProblem(g.B, g.A, transposed, n, g.K, m, transposeA: false, transposeB: true, accumulate: false), kernel);
        for (int i = 0; i < m; i += 8)
        {
            int top = Math.Max(0, Math.Min(i, m - 8)), rows = Math.Min(8, m);
            for (int j = 0; j < n; j += 8)
            {
                int left = Math.Min(j, n - 8);
                Transpose.Rows8(transposed + (nint)left * m + top, m, 8, rows, g.C + (nint)top * n + left, n);
            }
        }
    }

    /// <summary>The product as stated: A's elements broadcast from A, B's rows in place or packed.</summary>
    internal static void RunInPlace(in GemmProblem g, MicroKernel kernel)
    {
        int mr = kernel.Mr, nr = kernel.Nr, k = g.K, n = g.N;
        int fullCols = g.TransposeB ? 0 : kernel.ReadsPartialPanels ? n : n / nr * nr;
        int packedCols = n - fullCols;
        float* packed = packedCols > 0 ? PackBuffers.ForB((long)k * (packedCols + nr)) : null;
        if (packedCols > 0) Packing.PackB(g.B, k, n, g.TransposeB, 0, k, fullCols, packedCols, nr, packed);

        int leftover = g.M % mr;
        int tileRows = kernel.HasRowPairs && leftover <= 2 ? g.M - leftover : g.M;
        nint rowStride = g.ARowStride, kStride = g.AKStride;
        for (int j = 0; j < n; j += nr)
        {
            int cols = Math.Min(nr, n - j);
            float* b = j < fullCols ? g.B + j : packed + (nint)(j - fullCols) * k;
            nint bStride = j < fullCols ? n : nr;
            for (int i = 0; i < tileRows; i += mr)
            {
                float* c = g.C + (nint)i * n + j;
                int rows = Math.Min(mr, tileRows - i);
                // A transposed holds a tile's rows side by side: the kernel's single-pointer loop, for whole tiles.
                if (rowStride == 1 && rows == mr) kernel.RunAdjacentRows(g.A + i, kStride, b, bStride, k, c, n, rows, cols, g.Accumulate);
                else kernel.Run(g.A + i * rowStride, rowStride, kStride, b, bStride, k, c, n, rows, cols, g.Accumulate);
            }
        }

        if (tileRows < g.M) RowPairs(g, kernel, tileRows, fullCols, packed);
    }

    /// <summary>Rows <c>[i, M)</c> (one or two) in strips of up to three panels: in-place panels, then packed ones.</summary>
    private static void RowPairs(in GemmProblem g, MicroKernel kernel, int i, int fullCols, float* packed)
    {
        int nr = kernel.Nr, k = g.K, n = g.N, strip = 3 * nr, rows = g.M - i;
        float* a = g.A + i * g.ARowStride;
        float* c = g.C + (nint)i * n;
        for (int j = 0; j < fullCols; j += strip)
        {
            int cols = Math.Min(strip, fullCols - j);
            kernel.RunRowPair(a, g.ARowStride, g.AKStride, g.B + j, n, nr, (cols + nr - 1) / nr, k, c + j, n, rows, cols, g.Accumulate);
        }

        for (int j = fullCols; j < n; j += strip)
        {
            int cols = Math.Min(strip, n - j);
            kernel.RunRowPair(a, g.ARowStride, g.AKStride, packed + (nint)(j - fullCols) * k, nr, (nint)nr * k, (cols + nr - 1) / nr,
                k, c + j, n, rows, cols, g.Accumulate);
        }
    }
}
