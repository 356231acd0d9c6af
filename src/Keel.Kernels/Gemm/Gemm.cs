using Keel.Kernels.Threading;

namespace Keel.Kernels.Gemm;

/// <summary>Single-precision general matrix multiply (SGEMM) on contiguous row-major spans.</summary>
/// <remarks>
/// Large products run the packed, register-blocked algorithm of Goto and van de Geijn (2008), as
/// BLIS and OpenBLAS do, on an AVX-512, AVX2/FMA or portable micro-kernel chosen at run time
/// (<see cref="GemmBlocked"/>), split over <see cref="KernelThreads.Count"/> threads by rows and
/// columns of C (<see cref="GemmThreading"/>). Small products, such as the layers of a small MLP,
/// run directly from A and B on the calling thread (<see cref="GemmDirect"/>). Neither path
/// allocates once its per-thread scratch has grown.
/// </remarks>
public static class Gemm
{
    /// <summary>Products up to this many multiply-adds skip packing and threading.</summary>
    internal const long DirectMultiplyAdds = 1L << 20;

    /// <summary>
    /// <c>C = op(A) · op(B)</c>, or <c>C += op(A) · op(B)</c> when <paramref name="accumulate"/>.
    /// </summary>
    /// <remarks>
    /// <c>op(A)</c> is <c>[m, k]</c>: A is stored <c>[m, k]</c>, or <c>[k, m]</c> when
    /// <paramref name="transposeA"/>. <c>op(B)</c> is <c>[k, n]</c>: B is stored <c>[k, n]</c>, or
    /// <c>[n, k]</c> when <paramref name="transposeB"/>. C is <c>[m, n]</c>; only its first
    /// <c>m·n</c> elements are touched. Like BLAS <c>sgemm</c> with α = 1 and β = 0 or 1
    /// (<c>torch.mm</c>, or <c>torch.addmm</c> into C). Each element of C is summed over k in
    /// increasing order of k blocks fixed by the shape and the processor (fused multiply-adds on
    /// AVX-512 and AVX2), so results are bit-identical for any <see cref="KernelThreads.Count"/>;
    /// they may differ in the last bits between processors with different vector units. With <c>k = 0</c>, C becomes zero (or is left as
    /// is when accumulating).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix.</exception>
    public static void Multiply(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n,
        bool transposeA = false, bool transposeB = false, bool accumulate = false)
        => Multiply(a, b, c, m, k, n, transposeA, transposeB, accumulate, GemmPath.Auto);

    /// <summary>
    /// <see cref="Multiply(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, int, int, int, bool, bool, bool)"/>
    /// on a chosen <paramref name="path"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">The forced path is not supported by this processor.</exception>
    internal static unsafe void Multiply(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n,
        bool transposeA, bool transposeB, bool accumulate, GemmPath path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (a.Length < (long)m * k) throw new ArgumentException($"A has {a.Length} elements; [{(transposeA ? k : m)}, {(transposeA ? m : k)}] needs {(long)m * k}.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"B has {b.Length} elements; [{(transposeB ? n : k)}, {(transposeB ? k : n)}] needs {(long)k * n}.", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException($"C has {c.Length} elements; [{m}, {n}] needs {(long)m * n}.", nameof(c));
        var kernel = MicroKernel.For(GemmPaths.Resolve(path, CpuFeatures.Current));
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            var problem = new GemmProblem(pa, pb, pc, m, k, n, transposeA, transposeB, accumulate);
            if (problem.MultiplyAdds <= DirectMultiplyAdds) GemmDirect.Run(problem, kernel);
            else GemmThreading.Run(problem, kernel, KernelThreads.Count);
        }
    }
}
