using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>
/// The AVX-512 micro-kernel: an <see cref="Mr"/>×<see cref="Nr"/> (8×32) tile of C held in 16
/// <see cref="Vector512{T}"/> registers, updated by one rank-1 FMA step per k.
/// </summary>
/// <remarks>
/// <code>
/// acc[r, 0..31] = Σ_p A[r, p] · B[p, 0..31]        (vfmadd231ps, p in increasing order)
/// C[r, 0..31]   = acc  or  C + acc  (add)
/// </code>
/// A is read by broadcasting element <c>a[r·rowStride + p·kStride]</c>, so the same kernel runs on a
/// packed panel (rowStride 1, kStride 8) or straight from A in either layout. B row p is the 32
/// floats at <c>b + p·bStride</c> (a packed panel or B itself). Rows past <c>rows</c> re-read the
/// last valid row and columns past <c>cols</c> must be readable (zero padding); neither is written.
/// Every element is summed the same way whether its tile is full or partial, which keeps results
/// independent of how C is split between threads.
/// </remarks>
internal static unsafe class MicroKernelAvx512
{
    /// <summary>Rows of the C tile.</summary>
    public const int Mr = 8;

    /// <summary>Columns of the C tile (two 16-float vectors).</summary>
    public const int Nr = 32;

    /// <summary>Computes one tile; see the type's remarks for the operands.</summary>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, nint rowStride, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        float* a0 = a, a1 = a + Math.Min(1, rows - 1) * rowStride, a2 = a + Math.Min(2, rows - 1) * rowStride,
            a3 = a + Math.Min(3, rows - 1) * rowStride, a4 = a + Math.Min(4, rows - 1) * rowStride,
            a5 = a + Math.Min(5, rows - 1) * rowStride, a6 = a + Math.Min(6, rows - 1) * rowStride,
            a7 = a + Math.Min(7, rows - 1) * rowStride;
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default;
        nint off = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a0[off]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[off]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[off]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[off]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a4[off]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40); c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a5[off]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50); c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a6[off]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60); c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a7[off]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70); c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            off += kStride;
            b += bStride;
        }

        if (rows == Mr && cols == Nr)
        {
            Write(c, c00, c01, add); Write(c + ldc, c10, c11, add);
            Write(c + 2 * ldc, c20, c21, add); Write(c + 3 * ldc, c30, c31, add);
            Write(c + 4 * ldc, c40, c41, add); Write(c + 5 * ldc, c50, c51, add);
            Write(c + 6 * ldc, c60, c61, add); Write(c + 7 * ldc, c70, c71, add);
            return;
        }

        float* tile = stackalloc float[Mr * Nr];
        c00.Store(tile); c01.Store(tile + 16); c10.Store(tile + 32); c11.Store(tile + 48);
        c20.Store(tile + 64); c21.Store(tile + 80); c30.Store(tile + 96); c31.Store(tile + 112);
        c40.Store(tile + 128); c41.Store(tile + 144); c50.Store(tile + 160); c51.Store(tile + 176);
        c60.Store(tile + 192); c61.Store(tile + 208); c70.Store(tile + 224); c71.Store(tile + 240);
        TileWriter.WritePartial(tile, Nr, c, ldc, rows, cols, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(float* row, Vector512<float> lo, Vector512<float> hi, bool add)
    {
        if (add)
        {
            lo += Vector512.Load(row);
            hi += Vector512.Load(row + 16);
        }
        lo.Store(row);
        hi.Store(row + 16);
    }
}
