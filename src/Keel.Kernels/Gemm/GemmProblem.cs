namespace Keel.Kernels.Gemm;

/// <summary>
/// One product <c>C (+)= op(A) · op(B)</c> on pinned row-major storage: A is <c>[M, K]</c> (or
/// <c>[K, M]</c> when <see cref="TransposeA"/>), B is <c>[K, N]</c> (or <c>[N, K]</c>), C is <c>[M, N]</c>.
/// </summary>
internal readonly unsafe struct GemmProblem(
    float* a, float* b, float* c, int m, int k, int n, bool transposeA, bool transposeB, bool accumulate)
{
    /// <summary>A's first element.</summary>
    public float* A { get; } = a;

    /// <summary>B's first element.</summary>
    public float* B { get; } = b;

    /// <summary>C's first element.</summary>
    public float* C { get; } = c;

    /// <summary>Rows of op(A) and C.</summary>
    public int M { get; } = m;

    /// <summary>Columns of op(A), rows of op(B).</summary>
    public int K { get; } = k;

    /// <summary>Columns of op(B) and C.</summary>
    public int N { get; } = n;

    /// <summary>A is stored <c>[K, M]</c>.</summary>
    public bool TransposeA { get; } = transposeA;

    /// <summary>B is stored <c>[N, K]</c>.</summary>
    public bool TransposeB { get; } = transposeB;

    /// <summary>Add to C instead of overwriting it.</summary>
    public bool Accumulate { get; } = accumulate;

    /// <summary>Distance in A between consecutive rows of op(A).</summary>
    public nint ARowStride => TransposeA ? 1 : K;

    /// <summary>Distance in A between consecutive k of op(A).</summary>
    public nint AKStride => TransposeA ? M : 1;

    /// <summary>Multiply-adds in the product.</summary>
    public long MultiplyAdds => (long)M * K * N;
}
