namespace Keel.Kernels.Gemm;

/// <summary>Single-precision general matrix multiply on contiguous row-major spans.</summary>
public static class Gemm
{
    /// <summary>
    /// <c>C = op(A) · op(B)</c>, or <c>C += op(A) · op(B)</c> when <paramref name="accumulate"/>.
    /// </summary>
    /// <remarks>
    /// <c>op(A)</c> is <c>[m, k]</c>: A is stored <c>[m, k]</c>, or <c>[k, m]</c> when
    /// <paramref name="transposeA"/>. <c>op(B)</c> is <c>[k, n]</c>: B is stored <c>[k, n]</c>, or
    /// <c>[n, k]</c> when <paramref name="transposeB"/>. C is <c>[m, n]</c>. Each element of C is
    /// summed over k in increasing order of k blocks, independent of the thread count.
    /// </remarks>
    public static void Multiply(
        ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c,
        int m, int k, int n,
        bool transposeA = false, bool transposeB = false, bool accumulate = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (a.Length < (long)m * k) throw new ArgumentException($"A has {a.Length} elements; [{m}, {k}] needs {(long)m * k}.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"B has {b.Length} elements; [{k}, {n}] needs {(long)k * n}.", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException($"C has {c.Length} elements; [{m}, {n}] needs {(long)m * n}.", nameof(c));

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transposeA ? a[p * m + i] : a[i * k + p];
                    float bv = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += av * bv;
                }
                c[i * n + j] = accumulate ? c[i * n + j] + sum : sum;
            }
        }
    }
}
