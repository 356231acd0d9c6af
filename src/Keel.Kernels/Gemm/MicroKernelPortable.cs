using System.Numerics;
using System.Runtime.CompilerServices;

namespace Keel.Kernels.Gemm;

/// <summary>
/// The portable micro-kernel: a 4×(2·<see cref="Vector{T}.Count"/>) tile of C in eight
/// <see cref="Vector{T}"/> accumulators, for processors without AVX2/FMA (or other architectures).
/// </summary>
/// <remarks>
/// Same contract as <see cref="MicroKernelAvx2"/> (B panels padded to full width), except that
/// each step is a separate multiply and add (<c>acc = acc + a·b</c>, two roundings) because a
/// fused multiply-add is not fast everywhere; results therefore differ in the last bits from the
/// FMA paths.
/// </remarks>
internal static unsafe class MicroKernelPortable
{
    /// <summary>Rows of the C tile.</summary>
    public const int Mr = 4;

    /// <summary>Columns of the C tile (two vectors).</summary>
    public static int Nr => 2 * Vector<float>.Count;

    /// <summary>Computes one tile; see <see cref="MicroKernelAvx512"/> for the operands.</summary>
    [SkipLocalsInit, MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, nint rowStride, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        int w = Vector<float>.Count;
        float* a0 = a, a1 = a + Math.Min(1, rows - 1) * rowStride, a2 = a + Math.Min(2, rows - 1) * rowStride,
            a3 = a + Math.Min(3, rows - 1) * rowStride;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default,
            c20 = default, c21 = default, c30 = default, c31 = default;
        nint off = 0;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector.Load(b);
            var b1 = Vector.Load(b + w);
            var x = new Vector<float>(a0[off]);
            c00 += x * b0; c01 += x * b1;
            x = new Vector<float>(a1[off]);
            c10 += x * b0; c11 += x * b1;
            x = new Vector<float>(a2[off]);
            c20 += x * b0; c21 += x * b1;
            x = new Vector<float>(a3[off]);
            c30 += x * b0; c31 += x * b1;
            off += kStride;
            b += bStride;
        }

        int nr = 2 * w;
        float* tile = stackalloc float[Mr * nr];
        c00.Store(tile); c01.Store(tile + w); c10.Store(tile + nr); c11.Store(tile + nr + w);
        c20.Store(tile + 2 * nr); c21.Store(tile + 2 * nr + w); c30.Store(tile + 3 * nr); c31.Store(tile + 3 * nr + w);
        TileWriter.WritePartial(tile, nr, c, ldc, rows, cols, add);
    }
}
