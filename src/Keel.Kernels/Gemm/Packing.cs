using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels stream through
/// (Goto and van de Geijn, 2008). Transposition is absorbed here: each of the four
/// <c>transposeA</c>/<c>transposeB</c> combinations only changes which strides the copy walks.
/// </summary>
/// <remarks>
/// A block of <c>rows × kc</c> becomes panels of <c>mr</c> rows, each stored k-major
/// (<c>panel[p·mr + r] = op(A)[i0 + r, p0 + p]</c>). A block of <c>kc × cols</c> becomes panels
/// of <c>nr</c> columns, each stored k-major (<c>panel[p·nr + j] = op(B)[p0 + p, j0 + j]</c>), with
/// columns past the edge padded with values from B (the next row's first ones, or copies of the
/// last column when B is transposed) or zeros: kernels that read whole panels compute those
/// columns but never write them to C.
/// Rows past the edge of an A panel are left unwritten: the micro-kernels never read them.
/// </remarks>
internal static unsafe class Packing
{
    /// <summary>Packs <c>op(A)[i0 .. i0+rows, p0 .. p0+kc]</c>; A is <c>[m, k]</c>, or <c>[k, m]</c> when transposed.</summary>
    /// <remarks>Never inlined (nor <see cref="PackB"/>): inside the blocking loops its copy loops ran short of registers.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PackA(float* a, int m, int k, bool transposeA, int i0, int rows, int p0, int kc, int mr, float* dst)
    {
        if (transposeA)
        {
            // op(A)[i, p] = A[p, i]: row p of A holds all the block's rows side by side. Eight rows of
            // A at a time are dealt out to the panels, a panel at a time: each panel gets 8·mr floats
            // in a row (whole cache lines) while the eight rows stay in L1. Dealing one row of A to
            // every panel in turn wrote 24 bytes to each of the block's panels, whose lines, mr·kc
            // floats apart (12 KB: a multiple of 4 KB), all fall in one L1 set and evicted each other
            // between writes; that ran 1.7–2× slower (a block of 72 or 144 rows, kc 512).
            const int rowsPerPass = 8;
            for (int pc = 0; pc < kc; pc += rowsPerPass)
            {
                int passRows = Math.Min(rowsPerPass, kc - pc);
                // The next pass's rows are m floats apart, which defeats the hardware prefetcher: a hint
                // for the start of each (x86 only; the portable path on other processors goes without;
                // hinting every line of them ran slower).
                if (Sse.IsSupported)
                {
                    for (int p = 0; p < passRows; p++) Sse.Prefetch0(a + (nint)(p0 + pc + rowsPerPass + p) * m + i0);
                }
                for (int q = 0; q < rows; q += mr)
                {
                    float* src = a + (nint)(p0 + pc) * m + i0 + q;
                    float* panelRow = dst + (nint)q * kc + (nint)pc * mr;
                    int rq = Math.Min(mr, rows - q);
                    if (mr == 6 && rq == 6)
                    {
                        for (int p = 0; p < passRows; p++, src += m, panelRow += 6)
                        {
                            Vector128.Store(Vector128.Load(src), panelRow);
                            *(long*)(panelRow + 4) = *(long*)(src + 4);
                        }
                    }
                    else
                    {
                        for (int p = 0; p < passRows; p++, src += m, panelRow += mr) CopyRow(src, panelRow, rq);
                    }
                }
            }
            return;
        }

        for (int q = 0; q < rows; q += mr)
        {
            int rq = Math.Min(mr, rows - q);
            float* panel = dst + (nint)q * kc;
            if (rq == 8 && mr == 8)
            {
                Transpose.Rows8(a + (nint)(i0 + q) * k + p0, k, 8, kc, panel, mr);
            }
            else if (rq == 6 && mr == 6 && kc >= 8 && Avx.IsSupported)
            {
                // Six rows through the 8×8 register transpose: each k's group of eight overruns its six
                // slots by two, which the next k's group writes over (in increasing k); the last group's
                // two spill into the next panel, written after this one, or the buffer's spare panel.
                Transpose.Rows8(a + (nint)(i0 + q) * k + p0, k, 6, kc, panel, mr);
            }
            else if (rq == 6 && mr == 6)
            {
                // Six rows side by side: each k writes one contiguous group of six.
                float* s0 = a + (nint)(i0 + q) * k + p0, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k, s4 = s3 + k, s5 = s4 + k;
                for (int p = 0; p < kc; p++, panel += 6)
                {
                    panel[0] = s0[p]; panel[1] = s1[p]; panel[2] = s2[p];
                    panel[3] = s3[p]; panel[4] = s4[p]; panel[5] = s5[p];
                }
            }
            else
            {
                for (int r = 0; r < rq; r++)
                {
                    float* src = a + (nint)(i0 + q + r) * k + p0;
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = src[p];
                }
            }
        }
    }

    /// <summary>Packs <c>op(B)[p0 .. p0+kc, j0 .. j0+cols]</c>; B is <c>[k, n]</c>, or <c>[n, k]</c> when transposed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void PackB(float* b, int k, int n, bool transposeB, int p0, int kc, int j0, int cols, int nr, float* dst)
    {
        if (!transposeB)
        {
            // Row p of the block is contiguous in B: read it once, front to back, and deal it out to
            // the panels (a panel at a time would read nr floats from each of kc rows n floats apart,
            // a fresh cache line and often a fresh page per read). A panel cut by the edge of C is
            // copied nr wide while that stays inside B: its columns past the edge get the next row's
            // first values, which the kernels compute on and never write to C. Only B's last row or
            // two are cleared and copied float by float (a 200-row panel of 14 columns: 2 µs → 0.9 µs).
            int whole = cols / nr * nr, edge = cols - whole;
            long slack = (long)k * n - j0 - whole - nr;
            long roomyRows = edge == 0 ? kc : slack < 0 ? 0 : Math.Clamp(slack / n - p0 + 1, 0, kc);
            for (int p = 0; p < kc; p++)
            {
                float* src = b + (nint)(p0 + p) * n + j0;
                float* panelRow = dst + (nint)p * nr;
                for (int q = 0; q < whole; q += nr) CopyRow(src + q, panelRow + (nint)q * kc, nr);
                if (edge == 0) continue;
                float* edgeRow = panelRow + (nint)whole * kc;
                if (p < roomyRows)
                {
                    CopyRow(src + whole, edgeRow, nr);
                }
                else
                {
                    ClearRow(edgeRow, nr);
                    CopyRow(src + whole, edgeRow, edge);
                }
            }
            return;
        }

        // Eight rows of B become eight panel columns at a time; past the edge the transpose repeats the
        // last column (finite values the kernels compute on but never write to C), instead of
        // clearing the panel and copying the odd columns one float at a time.
        for (int q = 0; q < cols; q += nr)
        {
            int cq = Math.Min(nr, cols - q);
            float* panel = dst + (nint)q * kc;
            for (int j = 0; j < nr; j += 8)
            {
                int first = Math.Min(j, cq - 1);
                Transpose.Rows8(b + (nint)(j0 + q + first) * k + p0, k, Math.Clamp(cq - first, 1, 8), kc, panel + j, nr);
            }
        }
    }

    /// <summary><c>dst[0..count) = 0</c>: vector stores for panel widths of whole vectors (a call to a clearing routine per row cost more than the row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ClearRow(float* dst, int count)
    {
        int j = 0;
        for (; j + 8 <= count; j += 8) Vector256<float>.Zero.Store(dst + j);
        for (; j < count; j++) dst[j] = 0f;
    }

    /// <summary><c>dst[0..count) = src[0..count)</c>, eight floats per vector for the usual panel widths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyRow(float* src, float* dst, int count)
    {
        int j = 0;
        for (; j + 8 <= count; j += 8) Vector256.Store(Vector256.Load(src + j), dst + j);
        for (; j < count; j++) dst[j] = src[j];
    }
}
