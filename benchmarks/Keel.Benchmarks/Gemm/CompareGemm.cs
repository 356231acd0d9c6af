using System.Diagnostics;
using System.Globalization;
using System.Text;
using Keel.Kernels.Threading;
using GemmKernel = Keel.Kernels.Gemm.Gemm;

namespace Keel.Benchmarks.Gemm;

/// <summary>
/// <c>compare-gemm --threads T CASE...</c>: times <see cref="GemmKernel.Multiply"/> on each case and
/// prints <c>{"threads": T, "gflops": {"CASE": GFLOP/s, ...}}</c>, the Keel half of
/// <c>benchmarks/compare/gemm.sh</c> (its torch half is <c>gemm_torch.py</c>, measured the same way).
/// </summary>
/// <remarks>
/// Each case warms up for <see cref="WarmupSeconds"/>, then runs <see cref="Batches"/> batches
/// of at least <see cref="BatchSeconds"/> each; the reported rate is the median batch.
/// </remarks>
public static class CompareGemm
{
    private const double WarmupSeconds = 0.15;
    private const double BatchSeconds = 0.06;
    private const int Batches = 5;

    /// <summary>Runs the comparison with command-line arguments (after <c>compare-gemm</c>).</summary>
    public static int Run(string[] args)
    {
        int threads = 1;
        var cases = new List<GemmCase>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length) threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else cases.Add(GemmCase.Parse(args[i]));
        }

        using var scope = KernelThreads.Use(threads);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"threads\": {threads}, \"gflops\": {{");
        for (int i = 0; i < cases.Count; i++)
        {
            double gflops = Measure(cases[i]);
            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}\"{cases[i]}\": {gflops:F3}");
        }
        json.Append("}}");
        Console.WriteLine(json.ToString());
        return 0;
    }

    /// <summary>Median GFLOP/s of one case.</summary>
    public static double Measure(GemmCase g)
    {
        var random = new Random(42);
        float[] a = Fill(random, g.M * g.K), b = Fill(random, g.K * g.N), c = new float[g.M * g.N];
        void Once() => GemmKernel.Multiply(a, b, c, g.M, g.K, g.N, g.TransposeA, g.TransposeB);

        var clock = Stopwatch.StartNew();
        long calls = 0;
        while (clock.Elapsed.TotalSeconds < WarmupSeconds || calls < 3)
        {
            Once();
            calls++;
        }
        long perBatch = Math.Max(1, (long)(calls / clock.Elapsed.TotalSeconds * BatchSeconds));

        var rates = new double[Batches];
        for (int batch = 0; batch < Batches; batch++)
        {
            clock.Restart();
            for (long i = 0; i < perBatch; i++) Once();
            rates[batch] = g.Flops * perBatch / clock.Elapsed.TotalSeconds / 1e9;
        }
        Array.Sort(rates);
        return rates[Batches / 2];
    }

    /// <summary>Uniform values in [-1, 1).</summary>
    public static float[] Fill(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
