using BenchmarkDotNet.Attributes;
using Keel.Kernels.Threading;
using GemmKernel = Keel.Kernels.Gemm.Gemm;

namespace Keel.Benchmarks.Gemm;

/// <summary>
/// <see cref="GemmKernel.Multiply"/> on the shapes of <c>benchmarks/compare/gemm.sh</c>: square
/// products and the forward and backward products of the 27-token names MLP at batch 32
/// (<c>X[32,30]·W1[30,200]</c>, <c>H[32,200]·W2[200,27]</c> and their gradients), on 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private GemmCase _case = GemmCase.Parse("1x1x1");
    private KernelThreads.Scope _threads;

    /// <summary>The product, spelled as <see cref="GemmCase.Parse"/> reads it.</summary>
    [Params("256x256x256", "512x512x512", "1024x1024x1024", "2048x2048x2048",
        "32x30x200", "32x200x27", "200x32x27:ta", "32x27x200:tb", "30x32x200:ta")]
    public string Shape { get; set; } = "1x1x1";

    /// <summary>Threads for the kernels (<see cref="KernelThreads.Count"/>).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    /// <summary>Allocates and fills the operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _case = GemmCase.Parse(Shape);
        var random = new Random(42);
        _a = CompareGemm.Fill(random, _case.M * _case.K);
        _b = CompareGemm.Fill(random, _case.K * _case.N);
        _c = new float[_case.M * _case.N];
        _threads = KernelThreads.Use(Threads);
    }

    /// <summary>Restores the thread setting.</summary>
    [GlobalCleanup]
    public void Cleanup() => _threads.Dispose();

    /// <summary>One product <c>C = op(A) · op(B)</c>.</summary>
    [Benchmark]
    public void Multiply() =>
        GemmKernel.Multiply(_a, _b, _c, _case.M, _case.K, _case.N, _case.TransposeA, _case.TransposeB);
}
