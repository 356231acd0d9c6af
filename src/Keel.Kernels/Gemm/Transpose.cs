using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>The transposing copy behind <see cref="Packing.PackA"/> for a row-major A.</summary>
internal static unsafe class Transpose
{
    /// <summary>
    /// <c>dst[p·8 + r] = src[r·ld + p]</c> for <c>r &lt; 8</c>, <c>p &lt; count</c>: eight rows
    /// become one k-major panel, eight columns at a time with an AVX 8×8 register transpose.
    /// </summary>
    public static void Rows8(float* src, nint ld, int count, float* dst)
    {
        int p = 0;
        if (Avx.IsSupported)
        {
            for (; p + 8 <= count; p += 8)
            {
                float* s = src + p;
                var t0 = Avx.UnpackLow(Vector256.Load(s), Vector256.Load(s + ld));
                var t1 = Avx.UnpackHigh(Vector256.Load(s), Vector256.Load(s + ld));
                var t2 = Avx.UnpackLow(Vector256.Load(s + 2 * ld), Vector256.Load(s + 3 * ld));
                var t3 = Avx.UnpackHigh(Vector256.Load(s + 2 * ld), Vector256.Load(s + 3 * ld));
                var t4 = Avx.UnpackLow(Vector256.Load(s + 4 * ld), Vector256.Load(s + 5 * ld));
                var t5 = Avx.UnpackHigh(Vector256.Load(s + 4 * ld), Vector256.Load(s + 5 * ld));
                var t6 = Avx.UnpackLow(Vector256.Load(s + 6 * ld), Vector256.Load(s + 7 * ld));
                var t7 = Avx.UnpackHigh(Vector256.Load(s + 6 * ld), Vector256.Load(s + 7 * ld));
                // s0 holds columns 0 | 4 of rows 0-3, s1 columns 1 | 5, s2 columns 2 | 6, s3 columns 3 | 7.
                var s0 = Avx.Shuffle(t0, t2, 0x44);
                var s1 = Avx.Shuffle(t0, t2, 0xEE);
                var s2 = Avx.Shuffle(t1, t3, 0x44);
                var s3 = Avx.Shuffle(t1, t3, 0xEE);
                var s4 = Avx.Shuffle(t4, t6, 0x44);
                var s5 = Avx.Shuffle(t4, t6, 0xEE);
                var s6 = Avx.Shuffle(t5, t7, 0x44);
                var s7 = Avx.Shuffle(t5, t7, 0xEE);
                float* d = dst + p * 8;
                Avx.Permute2x128(s0, s4, 0x20).Store(d);
                Avx.Permute2x128(s1, s5, 0x20).Store(d + 8);
                Avx.Permute2x128(s2, s6, 0x20).Store(d + 16);
                Avx.Permute2x128(s3, s7, 0x20).Store(d + 24);
                Avx.Permute2x128(s0, s4, 0x31).Store(d + 32);
                Avx.Permute2x128(s1, s5, 0x31).Store(d + 40);
                Avx.Permute2x128(s2, s6, 0x31).Store(d + 48);
                Avx.Permute2x128(s3, s7, 0x31).Store(d + 56);
            }
        }

        for (; p < count; p++)
        {
            for (int r = 0; r < 8; r++) dst[p * 8 + r] = src[r * ld + p];
        }
    }
}
