using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>The transposing copy behind <see cref="Packing"/> for a row-major A and a transposed B.</summary>
internal static unsafe class Transpose
{
    /// <summary>
    /// <c>dst[p·dstStride + r] = src[r·ld + p]</c> for <c>r &lt; 8</c>, <c>p &lt; count</c>: eight
    /// rows become eight columns of a k-major panel, eight at a time with an AVX 8×8 register transpose.
    /// </summary>
    /// <param name="rows">
    /// Rows of <paramref name="src"/> that exist (1–8); the others re-read the last one, so their
    /// columns in the panel repeat its values and nothing past the matrix is read.
    /// </param>
    /// <param name="src">Row 0's first element.</param>
    /// <param name="ld">Distance between rows of <paramref name="src"/>.</param>
    /// <param name="count">Elements per row to transpose.</param>
    /// <param name="dst">The panel's first element.</param>
    /// <param name="dstStride">Distance between the panel's rows.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rows8(float* src, nint ld, int rows, int count, float* dst, nint dstStride)
    {
        nint last = rows - 1;
        nint o1 = Math.Min(1, last) * ld, o2 = Math.Min(2, last) * ld, o3 = Math.Min(3, last) * ld;
        nint o4 = Math.Min(4, last) * ld, o5 = Math.Min(5, last) * ld, o6 = Math.Min(6, last) * ld, o7 = Math.Min(7, last) * ld;
        int p = 0;
        if (Avx.IsSupported && count >= 8)
        {
            for (; p + 8 <= count; p += 8) Block8(src + p, o1, o2, o3, o4, o5, o6, o7, dst + p * dstStride, dstStride);
            // The last count mod 8 columns: one more block ending at the last column, rewriting a few
            // columns with the same values instead of copying the rest one float at a time.
            if (p < count) Block8(src + count - 8, o1, o2, o3, o4, o5, o6, o7, dst + (count - 8) * dstStride, dstStride);
            return;
        }

        for (; p < count; p++)
        {
            for (int r = 0; r < 8; r++) dst[p * dstStride + r] = src[Math.Min(r, last) * ld + p];
        }
    }

    /// <summary>One 8×8 block: <c>d[p·dstStride + r] = s[o_r + p]</c> for r, p &lt; 8, by an AVX register transpose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block8(float* s, nint o1, nint o2, nint o3, nint o4, nint o5, nint o6, nint o7, float* d, nint dstStride)
    {
        var t0 = Avx.UnpackLow(Vector256.Load(s), Vector256.Load(s + o1));
        var t1 = Avx.UnpackHigh(Vector256.Load(s), Vector256.Load(s + o1));
        var t2 = Avx.UnpackLow(Vector256.Load(s + o2), Vector256.Load(s + o3));
        var t3 = Avx.UnpackHigh(Vector256.Load(s + o2), Vector256.Load(s + o3));
        var t4 = Avx.UnpackLow(Vector256.Load(s + o4), Vector256.Load(s + o5));
        var t5 = Avx.UnpackHigh(Vector256.Load(s + o4), Vector256.Load(s + o5));
        var t6 = Avx.UnpackLow(Vector256.Load(s + o6), Vector256.Load(s + o7));
        var t7 = Avx.UnpackHigh(Vector256.Load(s + o6), Vector256.Load(s + o7));
        // s0 holds columns 0 | 4 of rows 0-3, s1 columns 1 | 5, s2 columns 2 | 6, s3 columns 3 | 7.
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).Store(d);
        Avx.Permute2x128(s1, s5, 0x20).Store(d + 1 * dstStride);
        Avx.Permute2x128(s2, s6, 0x20).Store(d + 2 * dstStride);
        Avx.Permute2x128(s3, s7, 0x20).Store(d + 3 * dstStride);
        Avx.Permute2x128(s0, s4, 0x31).Store(d + 4 * dstStride);
        Avx.Permute2x128(s1, s5, 0x31).Store(d + 5 * dstStride);
        Avx.Permute2x128(s2, s6, 0x31).Store(d + 6 * dstStride);
        Avx.Permute2x128(s3, s7, 0x31).Store(d + 7 * dstStride);
    }
}
