using System.Diagnostics;
using System.Globalization;
using Keel.Kernels.Threading;

namespace Keel.Benchmarks.TrainStep;

/// <summary>
/// The Keel side of benchmarks/compare/train-step.sh: for each case, warm up, then time blocks of
/// steps and print the median block's microseconds per step as JSON
/// (<c>{"seed-small": 41.2, …}</c>). Usage: <c>compare-step --threads N [case …]</c>.
/// </summary>
internal static class CompareTrainStep
{
    private const int Blocks = 7;

    public static int Run(string[] args)
    {
        int threads = 1;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads") threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else names.Add(args[i]);
        }
        var cases = names.Count == 0 ? StepCase.All : names.Select(StepCase.Named).ToList();
        using var scope = KernelThreads.Use(threads);
        var results = new List<string>();
        foreach (var c in cases) results.Add($"\"{c.Name}\": {MedianMicroseconds(c).ToString("R", CultureInfo.InvariantCulture)}");
        Console.WriteLine("{" + string.Join(", ", results) + "}");
        return 0;
    }

    /// <summary>Median over blocks of the mean time per step, each block about a quarter second.</summary>
    private static double MedianMicroseconds(StepCase c)
    {
        var runner = c.Build();
        runner.Prepare();
        // Warm-up long enough for tiered compilation to reach its optimized code: profiles of the
        // small cases still found instrumented (not yet optimized) backward code 2–3 s in.
        var warm = Stopwatch.StartNew();
        int warmSteps = 0;
        while (warm.Elapsed < TimeSpan.FromSeconds(3) || warmSteps < 50)
        {
            runner.Step();
            warmSteps++;
        }
        double perStep = warm.Elapsed.TotalSeconds / warmSteps;
        int stepsPerBlock = Math.Max(3, (int)(0.25 / perStep));
        var times = new double[Blocks];
        for (int b = 0; b < Blocks; b++)
        {
            var clock = Stopwatch.StartNew();
            for (int s = 0; s < stepsPerBlock; s++) runner.Step();
            times[b] = clock.Elapsed.TotalMicroseconds / stepsPerBlock;
        }
        Array.Sort(times);
        return times[Blocks / 2];
    }
}
