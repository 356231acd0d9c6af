using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>
/// The AVX2/FMA micro-kernel: a 6×16 tile of C in 12 <see cref="Vector256{T}"/> registers (the
/// classic Haswell shape: 12 accumulators, 2 B vectors and 1 broadcast fill 15 of the 16 ymm registers).
/// </summary>
/// <remarks>
/// Same contract as <see cref="MicroKernelAvx512"/>:
/// <c>acc[r, 0..15] = Σ_p A[r, p] · B[p, 0..15]</c> with fused multiply-adds in increasing p, then
/// <c>C = acc</c> or <c>C += acc</c>, except that B rows are always read 16 wide: a panel narrower
/// than 16 columns must be packed with padding (<see cref="Packing.PackB"/>), and a partial
/// tile is written through <see cref="StorePartial"/>.
/// </remarks>
internal static unsafe class MicroKernelAvx2
{
    /// <summary>Rows of the C tile.</summary>
    public const int Mr = 6;

    /// <summary>Columns of the C tile (two 8-float vectors).</summary>
    public const int Nr = 16;

    /// <summary>
    /// Depth from which <see cref="RunAdjacentRows"/> prefetches its tile of C: a k loop of at least
    /// 128 steps (about 770 cycles of multiply-adds) hides a miss on C; shorter ones, as in the small
    /// products of <see cref="GemmDirect"/> whose C sits in cache, ran 3–7 % faster without the twelve
    /// prefetches.
    /// </summary>
    private const int PrefetchCDepth = 128;

    /// <summary>Computes one tile; see <see cref="MicroKernelAvx512"/> for the operands.</summary>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, nint rowStride, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        float* a0 = a, a1 = a + Math.Min(1, rows - 1) * rowStride, a2 = a + Math.Min(2, rows - 1) * rowStride,
            a3 = a + Math.Min(3, rows - 1) * rowStride, a4 = a + Math.Min(4, rows - 1) * rowStride,
            a5 = a + Math.Min(5, rows - 1) * rowStride;
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        nint off = 0;
        int p = 0;
        if (kStride == 1)
        {
            // A row-major: four steps of k per trip, the four A elements at fixed offsets from each row pointer.
            for (; p + 4 <= kc; p += 4, off += 4, b += 4 * bStride)
            {
                StepRows(a0 + off, a1 + off, a2 + off, a3 + off, a4 + off, a5 + off, b,
                    ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                StepRows(a0 + off + 1, a1 + off + 1, a2 + off + 1, a3 + off + 1, a4 + off + 1, a5 + off + 1, b + bStride,
                    ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                StepRows(a0 + off + 2, a1 + off + 2, a2 + off + 2, a3 + off + 2, a4 + off + 2, a5 + off + 2, b + 2 * bStride,
                    ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
                StepRows(a0 + off + 3, a1 + off + 3, a2 + off + 3, a3 + off + 3, a4 + off + 3, a5 + off + 3, b + 3 * bStride,
                    ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            }
        }
        for (; p < kc; p++, off += kStride, b += bStride)
        {
            StepRows(a0 + off, a1 + off, a2 + off, a3 + off, a4 + off, a5 + off, b,
                ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
        }

        Store(c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c, ldc, rows, cols, add);
    }

    /// <summary>
    /// One tile whose six rows of A sit side by side for each k (<c>a[p·aStride + r] = A[r, p]</c>): a
    /// packed panel (<c>aStride</c> 6, <see cref="Packing.PackA"/>) or a transposed A read in place
    /// (<c>aStride</c> m). B row p is at <c>b + p·bStride</c>. The same sums as <see cref="Run"/>.
    /// </summary>
    /// <remarks>
    /// All six rows are read, so a partial tile needs them to exist (a packed panel's padding does).
    /// Tuned for the packed loops of <see cref="GemmBlocked"/>, where C is far larger than the caches:
    /// the tile's rows of C are prefetched before a long k loop (<see cref="PrefetchCDepth"/>) so
    /// their misses overlap the arithmetic instead of stalling the final stores (without it a 1024³
    /// product ran about 20 % slower), and A is prefetched 16 steps of k ahead. The six broadcasts share one pointer, which frees the row
    /// registers of <see cref="Run"/>, and the loop takes four steps of k per trip (about 10 % faster
    /// than one on 512–1024 products).
    /// </remarks>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunAdjacentRows(float* a, nint aStride, float* b, nint bStride, int kc, float* c, nint ldc, int rows, int cols, bool add)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (kc >= PrefetchCDepth)
        {
            for (int r = 0; r < Mr; r++)
            {
                Sse.Prefetch0(c + r * ldc);
                Sse.Prefetch0(c + r * ldc + Nr - 1);
            }
        }

        nint aPrefetch = 16 * aStride;
        int p = 0;
        for (; p + 4 <= kc; p += 4, a += 4 * aStride, b += 4 * bStride)
        {
            Sse.Prefetch0(a + aPrefetch);
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + aStride, b + bStride, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Sse.Prefetch0(a + aPrefetch + 2 * aStride);
            Step(a + 2 * aStride, b + 2 * bStride, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
            Step(a + 3 * aStride, b + 3 * bStride, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
        }

        for (; p < kc; p++, a += aStride, b += bStride)
        {
            Step(a, b, ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);
        }

        Store(c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c, ldc, rows, cols, add);
    }

    /// <summary>
    /// The last one or two rows of C (below the last whole tile) across up to three 16-column panels
    /// at once: 2 × 48 accumulators. A 2-row tile alone has 4 accumulators, too few chains to hide the
    /// fused multiply-add's latency, and takes as long as a whole 6-row tile; the strip keeps 12 chains
    /// in flight, so the rows cost a third as much. Each element gets the same sum as in <see cref="Run"/>
    /// (fused multiply-adds in increasing p, then <c>C = acc</c> or <c>C += acc</c>).
    /// </summary>
    /// <param name="a">Row 0's first element of A.</param>
    /// <param name="rowStride">Distance in A between the two rows.</param>
    /// <param name="kStride">Distance in A between steps of k: row r, step p is at <c>a + r·rowStride + p·kStride</c>.</param>
    /// <param name="b">Row p of panel q is at <c>b + q·panelStride + p·bStride</c>, 16 floats wide.</param>
    /// <param name="bStride">Distance between rows of a panel.</param>
    /// <param name="panelStride">Distance between panels.</param>
    /// <param name="panels">Panels in the strip, 1 to 3; a missing one re-reads the last and is not written.</param>
    /// <param name="kc">Steps of k.</param>
    /// <param name="c">The strip's first element of C.</param>
    /// <param name="ldc">Distance between rows of C.</param>
    /// <param name="rows">Rows of C, 1 or 2 (with 1, row 0 is read twice and written once).</param>
    /// <param name="cols">Columns of C the strip covers: more than <c>(panels − 1)·16</c>, at most <c>panels·16</c>.</param>
    /// <param name="add">Add to C instead of overwriting it.</param>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunRowPair(float* a, nint rowStride, nint kStride, float* b, nint bStride, nint panelStride, int panels,
        int kc, float* c, nint ldc, int rows, int cols, bool add)
    {
        float* a0 = a, a1 = rows > 1 ? a + rowStride : a;
        float* b0 = b, b1 = b + Math.Min(1, panels - 1) * panelStride, b2 = b + Math.Min(2, panels - 1) * panelStride;
        Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default,
            c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default;
        nint off = 0, row = 0;
        for (int p = 0; p < kc; p++, off += kStride, row += bStride)
        {
            var x0 = Vector256.Create(a0[off]);
            var x1 = Vector256.Create(a1[off]);
            var v = Vector256.Load(b0 + row);
            c00 = Fma.MultiplyAdd(x0, v, c00); c10 = Fma.MultiplyAdd(x1, v, c10);
            v = Vector256.Load(b0 + row + 8);
            c01 = Fma.MultiplyAdd(x0, v, c01); c11 = Fma.MultiplyAdd(x1, v, c11);
            v = Vector256.Load(b1 + row);
            c02 = Fma.MultiplyAdd(x0, v, c02); c12 = Fma.MultiplyAdd(x1, v, c12);
            v = Vector256.Load(b1 + row + 8);
            c03 = Fma.MultiplyAdd(x0, v, c03); c13 = Fma.MultiplyAdd(x1, v, c13);
            v = Vector256.Load(b2 + row);
            c04 = Fma.MultiplyAdd(x0, v, c04); c14 = Fma.MultiplyAdd(x1, v, c14);
            v = Vector256.Load(b2 + row + 8);
            c05 = Fma.MultiplyAdd(x0, v, c05); c15 = Fma.MultiplyAdd(x1, v, c15);
        }

        float* spill = stackalloc float[8];
        WriteRowPair(c, ldc, c00, c01, c10, c11, rows, Math.Min(cols, Nr), add, spill);
        if (panels > 1) WriteRowPair(c + Nr, ldc, c02, c03, c12, c13, rows, Math.Min(cols - Nr, Nr), add, spill);
        if (panels > 2) WriteRowPair(c + 2 * Nr, ldc, c04, c05, c14, c15, rows, cols - 2 * Nr, add, spill);
    }

    /// <summary>One panel of a row pair: the first <paramref name="cols"/> columns of its one or two rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRowPair(float* c, nint ldc, Vector256<float> lo0, Vector256<float> hi0, Vector256<float> lo1, Vector256<float> hi1,
        int rows, int cols, bool add, float* spill)
    {
        WriteRow(c, lo0, hi0, cols, add, spill);
        if (rows > 1) WriteRow(c + ldc, lo1, hi1, cols, add, spill);
    }

    /// <summary>One step of k with each row's A element behind its own pointer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StepRows(float* a0, float* a1, float* a2, float* a3, float* a4, float* a5, float* b,
        ref Vector256<float> c00, ref Vector256<float> c01, ref Vector256<float> c10, ref Vector256<float> c11,
        ref Vector256<float> c20, ref Vector256<float> c21, ref Vector256<float> c30, ref Vector256<float> c31,
        ref Vector256<float> c40, ref Vector256<float> c41, ref Vector256<float> c50, ref Vector256<float> c51)
    {
        var b0 = Vector256.Load(b);
        var b1 = Vector256.Load(b + 8);
        var x = Vector256.Create(*a0);
        c00 = Fma.MultiplyAdd(x, b0, c00); c01 = Fma.MultiplyAdd(x, b1, c01);
        x = Vector256.Create(*a1);
        c10 = Fma.MultiplyAdd(x, b0, c10); c11 = Fma.MultiplyAdd(x, b1, c11);
        x = Vector256.Create(*a2);
        c20 = Fma.MultiplyAdd(x, b0, c20); c21 = Fma.MultiplyAdd(x, b1, c21);
        x = Vector256.Create(*a3);
        c30 = Fma.MultiplyAdd(x, b0, c30); c31 = Fma.MultiplyAdd(x, b1, c31);
        x = Vector256.Create(*a4);
        c40 = Fma.MultiplyAdd(x, b0, c40); c41 = Fma.MultiplyAdd(x, b1, c41);
        x = Vector256.Create(*a5);
        c50 = Fma.MultiplyAdd(x, b0, c50); c51 = Fma.MultiplyAdd(x, b1, c51);
    }

    /// <summary>One step of k with the six rows' A elements side by side at <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(float* a, float* b,
        ref Vector256<float> c00, ref Vector256<float> c01, ref Vector256<float> c10, ref Vector256<float> c11,
        ref Vector256<float> c20, ref Vector256<float> c21, ref Vector256<float> c30, ref Vector256<float> c31,
        ref Vector256<float> c40, ref Vector256<float> c41, ref Vector256<float> c50, ref Vector256<float> c51)
        => StepRows(a, a + 1, a + 2, a + 3, a + 4, a + 5, b,
            ref c00, ref c01, ref c10, ref c11, ref c20, ref c21, ref c30, ref c31, ref c40, ref c41, ref c50, ref c51);

    /// <summary>
    /// Writes the accumulators to C: whole rows of 16 in place (all six, or the first
    /// <paramref name="rows"/> of a tile at the bottom edge), a tile cut by the right edge through
    /// <see cref="StorePartial"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> c00, Vector256<float> c01, Vector256<float> c10, Vector256<float> c11,
        Vector256<float> c20, Vector256<float> c21, Vector256<float> c30, Vector256<float> c31,
        Vector256<float> c40, Vector256<float> c41, Vector256<float> c50, Vector256<float> c51,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        if (cols == Nr)
        {
            Write(c, c00, c01, add);
            if (rows > 1) Write(c + ldc, c10, c11, add);
            if (rows > 2) Write(c + 2 * ldc, c20, c21, add);
            if (rows > 3) Write(c + 3 * ldc, c30, c31, add);
            if (rows > 4) Write(c + 4 * ldc, c40, c41, add);
            if (rows > 5) Write(c + 5 * ldc, c50, c51, add);
        }
        else
        {
            StorePartial(c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c, ldc, rows, cols, add);
        }
    }

    /// <summary>Writes the valid part of a tile that overhangs C: its first <paramref name="rows"/> rows and <paramref name="cols"/> columns.</summary>
    /// <remarks>
    /// Whole 8-float halves go out as vectors, the rest of a row one float at a time from a spilled
    /// copy (AMD's masked stores are microcoded and slower). Each written element gets the same single
    /// addition as in a full tile, and nothing past the edge of C is touched. Not inlined, to keep the
    /// kernels' loops small.
    /// </remarks>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.NoInlining)]
    private static void StorePartial(Vector256<float> c00, Vector256<float> c01, Vector256<float> c10, Vector256<float> c11,
        Vector256<float> c20, Vector256<float> c21, Vector256<float> c30, Vector256<float> c31,
        Vector256<float> c40, Vector256<float> c41, Vector256<float> c50, Vector256<float> c51,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        float* spill = stackalloc float[8];
        WriteRow(c, c00, c01, cols, add, spill);
        if (rows > 1) WriteRow(c + ldc, c10, c11, cols, add, spill);
        if (rows > 2) WriteRow(c + 2 * ldc, c20, c21, cols, add, spill);
        if (rows > 3) WriteRow(c + 3 * ldc, c30, c31, cols, add, spill);
        if (rows > 4) WriteRow(c + 4 * ldc, c40, c41, cols, add, spill);
        if (rows > 5) WriteRow(c + 5 * ldc, c50, c51, cols, add, spill);
    }

    /// <summary>The first <paramref name="cols"/> floats of one tile row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRow(float* row, Vector256<float> lo, Vector256<float> hi, int cols, bool add, float* spill)
    {
        if (cols == Nr)
        {
            Write(row, lo, hi, add);
            return;
        }

        var rest = lo;
        if (cols >= 8)
        {
            if (add) lo += Vector256.Load(row);
            lo.Store(row);
            rest = hi;
            row += 8;
            cols -= 8;
        }
        rest.Store(spill);
        for (int j = 0; j < cols; j++) row[j] = add ? spill[j] + row[j] : spill[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(float* row, Vector256<float> lo, Vector256<float> hi, bool add)
    {
        if (add)
        {
            lo += Vector256.Load(row);
            hi += Vector256.Load(row + 8);
        }
        lo.Store(row);
        hi.Store(row + 8);
    }
}
