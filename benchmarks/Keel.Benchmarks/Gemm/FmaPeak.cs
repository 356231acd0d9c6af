using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Benchmarks.Gemm;

/// <summary>
/// <c>compare-peak</c>: the machine's single-precision multiply-add ceiling, the rate no matrix
/// product can beat, measured on one thread and on two at once. Prints
/// <c>{"vector_bits": 256, "gflops_1t": …, "gflops_2t": …}</c>, the best of five runs of 19.2 GFLOP
/// per thread.
/// </summary>
/// <remarks>
/// Twelve independent chains of 256-bit fused multiply-adds (AVX2/FMA; 16 FLOP each), enough to
/// keep two FMA pipes busy through a 4-cycle latency: <c>GFLOP/s = 12 · 16 · iterations / seconds</c>.
/// A micro-kernel's rate divided by this is the fraction of the hardware it uses. On processors
/// without FMA it prints zeros.
/// </remarks>
public static class FmaPeak
{
    private const long Iterations = 100_000_000;
    private const int Runs = 5;

    /// <summary>Measures and prints the ceiling.</summary>
    public static int Run()
    {
        double one = 0, two = 0;
        if (Fma.IsSupported)
        {
            Chains(1_000_000); // compile the optimized loop first
            for (int run = 0; run < Runs; run++)
            {
                one = Math.Max(one, Measure(threads: 1));
                two = Math.Max(two, Measure(threads: 2));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"vector_bits\": 256, \"gflops_1t\": {one:F1}, \"gflops_2t\": {two:F1}}}"));
        return 0;
    }

    private static double Measure(int threads)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Chains(Iterations));
        return threads * 12.0 * 16 * Iterations / clock.Elapsed.TotalSeconds / 1e9;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chains(long iterations)
    {
        var x = Vector256.Create(0.999999f);
        var y = Vector256.Create(1e-7f);
        Vector256<float> c0 = Vector256<float>.One, c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0,
            c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Fma.MultiplyAdd(c0, x, y); c1 = Fma.MultiplyAdd(c1, x, y); c2 = Fma.MultiplyAdd(c2, x, y);
            c3 = Fma.MultiplyAdd(c3, x, y); c4 = Fma.MultiplyAdd(c4, x, y); c5 = Fma.MultiplyAdd(c5, x, y);
            c6 = Fma.MultiplyAdd(c6, x, y); c7 = Fma.MultiplyAdd(c7, x, y); c8 = Fma.MultiplyAdd(c8, x, y);
            c9 = Fma.MultiplyAdd(c9, x, y); c10 = Fma.MultiplyAdd(c10, x, y); c11 = Fma.MultiplyAdd(c11, x, y);
        }
        // The sum keeps every chain alive.
        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }
}
