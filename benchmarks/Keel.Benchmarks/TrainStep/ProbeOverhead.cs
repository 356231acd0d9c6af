using System.Globalization;
using Keel.Data;
using Keel.Diagnostics;
using Keel.Kernels.Threading;
using Keel.Nn;
using Keel.Optim;
using Keel.Training;

namespace Keel.Benchmarks.TrainStep;

/// <summary>
/// What diagnostics cost a training step: the bare step of the comparison (forward, cross-entropy,
/// backward, SGD, no trainer), <see cref="Trainer.TrainStep"/> with <c>Probe = null</c>, and with
/// a probe every 100 steps and on every step. Variants run interleaved in rounds, each round a block
/// of about 0.2 s per variant timed in the thread's CPU time (<see cref="ThreadCpuClock"/>), so that
/// load on the machine hits them alike; the table gives the
/// median over rounds of microseconds per step, and the median over rounds of each round's ratio.
/// Usage: <c>compare-probe [--rounds N] [case …]</c> (cases as for <c>compare-step</c>).
/// </summary>
internal static class ProbeOverhead
{
    public static int Run(string[] args)
    {
        int rounds = 15;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else names.Add(args[i]);
        }
        using var threads = KernelThreads.Use(1);
        Console.WriteLine("| case | bare step (CPU µs) | Probe = null (CPU µs) | probe every 100 (CPU µs) | probe every step (CPU µs) | null / bare | every 100 / null |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var name in names.Count == 0 ? ["seed-small", "seed-deep"] : names)
        {
            var c = StepCase.Named(name);
            Action[] variants = [c.Build().Step, TrainerStep(c, null), TrainerStep(c, 100), TrainerStep(c, 1)];
            var times = variants.Select(_ => new List<double>()).ToArray();
            foreach (var v in variants) ThreadCpuClock.MicrosecondsPerStep(v, 1.5); // warm up to tiered, optimized code
            for (int r = 0; r < rounds; r++)
            {
                for (int v = 0; v < variants.Length; v++) times[v].Add(ThreadCpuClock.MicrosecondsPerStep(variants[v], 0.2));
            }
            var m = times.Select(Median).ToArray();
            // Ratios are taken within each round, where the variants ran back to back, then their median.
            double nullToBare = Median(times[1].Zip(times[0], (a, b) => a / b));
            double probeToNull = Median(times[2].Zip(times[1], (a, b) => a / b));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {m[0]:F1} | {m[1]:F1} | {m[2]:F1} | {m[3]:F1} | {nullToBare:F3} | {probeToNull:F3} |"));
        }
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static Action TrainerStep(StepCase c, long? every)
    {
        var (model, x, y) = c.Network();
        var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f), Losses.CrossEntropy)
        {
            Probe = every is { } n ? new Probe(n) : null,
        };
        var batch = new Batch(x, y);
        return () => trainer.TrainStep(batch);
    }
}
