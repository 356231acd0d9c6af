using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>
/// The AVX-512 micro-kernel: an <see cref="Mr"/>×<see cref="Nr"/> (8×32) tile of C held in 16
/// <see cref="Vector512{T}"/> registers, updated by one rank-1 FMA step per k; tiles of 16 columns
/// or fewer use an 8×16 variant with half the work.
/// </summary>
/// <remarks>
/// <code>
/// acc[r, 0..31] = Σ_p A[r, p] · B[p, 0..31]        (vfmadd231ps, p in increasing order)
/// C[r, 0..31]   = acc  or  C + acc  (add)
/// </code>
/// A is read by broadcasting element <c>a[r·rowStride + p·kStride]</c>, so the same kernel runs on a
/// packed panel (rowStride 1, kStride 8) or straight from A in either layout. B row p is read at
/// <c>b + p·bStride</c> (a packed panel or B itself) with masked loads past <c>cols</c>, so B needs
/// no padding and no element past the edge is touched. Rows past <c>rows</c> re-read the last
/// valid row and are not written. Every element is summed the same way whether its tile is full or
/// partial, which keeps results independent of how C is split between threads.
/// </remarks>
internal static unsafe class MicroKernelAvx512
{
    /// <summary>Rows of the C tile.</summary>
    public const int Mr = 8;

    /// <summary>Columns of the C tile (two 16-float vectors).</summary>
    public const int Nr = 32;

    /// <summary>Computes one tile; see the type's remarks for the operands.</summary>
    public static void Run(float* a, nint rowStride, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        var rowPointers = new Rows(a, rowStride, rows);
        if (cols == Nr) Tile32<Full>(rowPointers, kStride, b, bStride, kc, c, ldc, rows, cols, add);
        else if (cols > 16) Tile32<Masked>(rowPointers, kStride, b, bStride, kc, c, ldc, rows, cols, add);
        else if (cols == 16) Tile16<Full>(rowPointers, kStride, b, bStride, kc, c, ldc, rows, cols, add);
        else Tile16<Masked>(rowPointers, kStride, b, bStride, kc, c, ldc, rows, cols, add);
    }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile32<TLoad>(in Rows ar, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
        where TLoad : struct, ILoad
    {
        float* a0 = ar.R0, a1 = ar.R1, a2 = ar.R2, a3 = ar.R3, a4 = ar.R4, a5 = ar.R5, a6 = ar.R6, a7 = ar.R7;
        var mask = ColumnMask(cols - 16);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default;
        nint off = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = TLoad.Load(b + 16, mask);
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

        var full = Vector512<float>.AllBitsSet;
        Write<Full, TLoad>(c, c00, c01, full, mask, add);
        if (rows > 1) Write<Full, TLoad>(c + ldc, c10, c11, full, mask, add);
        if (rows > 2) Write<Full, TLoad>(c + 2 * ldc, c20, c21, full, mask, add);
        if (rows > 3) Write<Full, TLoad>(c + 3 * ldc, c30, c31, full, mask, add);
        if (rows > 4) Write<Full, TLoad>(c + 4 * ldc, c40, c41, full, mask, add);
        if (rows > 5) Write<Full, TLoad>(c + 5 * ldc, c50, c51, full, mask, add);
        if (rows > 6) Write<Full, TLoad>(c + 6 * ldc, c60, c61, full, mask, add);
        if (rows > 7) Write<Full, TLoad>(c + 7 * ldc, c70, c71, full, mask, add);
    }

    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile16<TLoad>(in Rows ar, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
        where TLoad : struct, ILoad
    {
        float* a0 = ar.R0, a1 = ar.R1, a2 = ar.R2, a3 = ar.R3, a4 = ar.R4, a5 = ar.R5, a6 = ar.R6, a7 = ar.R7;
        var mask = ColumnMask(cols);
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default,
            c4 = default, c5 = default, c6 = default, c7 = default;
        nint off = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = TLoad.Load(b, mask);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[off]), b0, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[off]), b0, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[off]), b0, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[off]), b0, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[off]), b0, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[off]), b0, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[off]), b0, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[off]), b0, c7);
            off += kStride;
            b += bStride;
        }

        WriteOne<TLoad>(c, c0, mask, add);
        if (rows > 1) WriteOne<TLoad>(c + ldc, c1, mask, add);
        if (rows > 2) WriteOne<TLoad>(c + 2 * ldc, c2, mask, add);
        if (rows > 3) WriteOne<TLoad>(c + 3 * ldc, c3, mask, add);
        if (rows > 4) WriteOne<TLoad>(c + 4 * ldc, c4, mask, add);
        if (rows > 5) WriteOne<TLoad>(c + 5 * ldc, c5, mask, add);
        if (rows > 6) WriteOne<TLoad>(c + 6 * ldc, c6, mask, add);
        if (rows > 7) WriteOne<TLoad>(c + 7 * ldc, c7, mask, add);
    }

    /// <summary>Lanes below <paramref name="count"/> set (all 16 when count ≥ 16).</summary>
    private static Vector512<float> ColumnMask(int count) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write<TLo, THi>(float* row, Vector512<float> lo, Vector512<float> hi,
        Vector512<float> loMask, Vector512<float> hiMask, bool add)
        where TLo : struct, ILoad
        where THi : struct, ILoad
    {
        WriteOne<TLo>(row, lo, loMask, add);
        WriteOne<THi>(row + 16, hi, hiMask, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteOne<TLoad>(float* row, Vector512<float> value, Vector512<float> mask, bool add)
        where TLoad : struct, ILoad
    {
        if (add) value += TLoad.Load(row, mask);
        TLoad.Store(row, value, mask);
    }

    /// <summary>The eight A row pointers of a tile; rows past <c>rows</c> repeat the last valid one.</summary>
    private readonly struct Rows(float* a, nint stride, int rows)
    {
        public readonly float* R0 = a;
        public readonly float* R1 = a + Math.Min(1, rows - 1) * stride;
        public readonly float* R2 = a + Math.Min(2, rows - 1) * stride;
        public readonly float* R3 = a + Math.Min(3, rows - 1) * stride;
        public readonly float* R4 = a + Math.Min(4, rows - 1) * stride;
        public readonly float* R5 = a + Math.Min(5, rows - 1) * stride;
        public readonly float* R6 = a + Math.Min(6, rows - 1) * stride;
        public readonly float* R7 = a + Math.Min(7, rows - 1) * stride;
    }

    /// <summary>A whole or masked 16-float load and store, chosen at compile time by the type argument.</summary>
    private interface ILoad
    {
        static abstract Vector512<float> Load(float* p, Vector512<float> mask);

        static abstract void Store(float* p, Vector512<float> value, Vector512<float> mask);
    }

    private readonly struct Full : ILoad
    {
        public static Vector512<float> Load(float* p, Vector512<float> mask) => Vector512.Load(p);

        public static void Store(float* p, Vector512<float> value, Vector512<float> mask) => value.Store(p);
    }

    private readonly struct Masked : ILoad
    {
        public static Vector512<float> Load(float* p, Vector512<float> mask) => Avx512F.MaskLoad(p, mask, Vector512<float>.Zero);

        public static void Store(float* p, Vector512<float> value, Vector512<float> mask) => Avx512F.MaskStore(p, mask, value);
    }
}
