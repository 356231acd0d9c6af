using System.Collections.Concurrent;
using Keel.Kernels.Gemm;

namespace Keel.Kernels.Tests.Gemm;

/// <summary>
/// The naive triple loop in double precision, the reference every GEMM test compares with, and the
/// rounding-error bound a float32 result must meet.
/// </summary>
internal static class GemmReference
{
    private static readonly ConcurrentDictionary<(int, int, int, bool, bool, int), (double[] Product, double[] AbsProduct)> Cache = new();

    /// <summary>Paths this processor runs (the others are checked through <see cref="GemmPaths.Resolve"/>).</summary>
    public static GemmPath[] SupportedPaths { get; } =
        new[] { GemmPath.Avx512, GemmPath.Avx2, GemmPath.Portable }
            .Where(p => p == GemmPath.Portable || (p == GemmPath.Avx512 ? CpuFeatures.Current.Avx512 : CpuFeatures.Current.Avx2Fma))
            .ToArray();

    /// <summary>Uniform values in [-1, 1) from a fixed seed.</summary>
    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }

    /// <summary>
    /// <c>Σ_p op(A)[i, p] · op(B)[p, j]</c> and <c>Σ_p |op(A)[i, p] · op(B)[p, j]|</c> in double,
    /// for the operands <see cref="Random"/> makes with seeds 1 (A) and 2 (B).
    /// </summary>
    public static (double[] Product, double[] AbsProduct) Of(int m, int k, int n, bool transposeA, bool transposeB) =>
        Cache.GetOrAdd((m, k, n, transposeA, transposeB, 0), key =>
            Compute(Random(m * k, 1), Random(k * n, 2), m, k, n, transposeA, transposeB));

    /// <summary>The double-precision product of given operands.</summary>
    public static (double[] Product, double[] AbsProduct) Compute(float[] a, float[] b, int m, int k, int n, bool transposeA, bool transposeB)
    {
        var product = new double[m * n];
        var abs = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, absSum = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (double)(transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
                    sum += term;
                    absSum += Math.Abs(term);
                }
                product[i * n + j] = sum;
                abs[i * n + j] = absSum;
            }
        }
        return (product, abs);
    }

    /// <summary>
    /// Asserts <c>|c − (c₀ + Σ ab)| ≤ γ_{k+2} · (|c₀| + Σ|ab|)</c> with <c>γ_j = j·u / (1 − j·u)</c>,
    /// <c>u = 2⁻²⁴</c>: the worst-case bound for float32 dot products in any order (Higham, 2002,
    /// §3.1), with one more rounding for adding the k blocks into C.
    /// </summary>
    public static void AssertClose(ReadOnlySpan<float> c, double[] product, double[] absProduct, int k, ReadOnlySpan<float> initial = default)
    {
        double u = Math.Pow(2, -24), gamma = (k + 2) * u / (1 - (k + 2) * u);
        for (int i = 0; i < product.Length; i++)
        {
            double c0 = initial.IsEmpty ? 0 : initial[i];
            double expected = c0 + product[i], bound = gamma * (Math.Abs(c0) + absProduct[i]);
            if (!(Math.Abs(c[i] - expected) <= bound))
                Assert.Fail($"C[{i}] = {c[i]:R}, expected {expected:R} within {bound:E2}");
        }
    }
}
