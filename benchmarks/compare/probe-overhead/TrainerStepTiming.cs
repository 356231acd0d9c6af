using System.Globalization;
using Keel.Benchmarks.TrainStep;
using Keel.Data;
using Keel.Kernels.Threading;
using Keel.Nn;
using Keel.Optim;
using Keel.Training;

// Times Trainer.TrainStep on the networks of the step comparison (StepCase), with no probe set:
// compiled once against this checkout and once against a revision without the diagnostics code
// by probe-overhead.sh. Prints {"seed-small": µs per step, ...}: the thread's CPU time per step
// (ThreadCpuClock), median of 7 blocks of 0.2 s after a 1.5 s warm-up, one thread.
using var threads = KernelThreads.Use(1);
var results = new List<string>();
foreach (var name in args.Length > 0 ? args : ["seed-small", "seed-deep"])
{
    var (model, x, y) = StepCase.Named(name).Network();
    var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f), Losses.CrossEntropy);
    var batch = new Batch(x, y);
    ThreadCpuClock.MicrosecondsPerStep(() => trainer.TrainStep(batch), 1.5);
    var blocks = Enumerable.Range(0, 7).Select(_ => ThreadCpuClock.MicrosecondsPerStep(() => trainer.TrainStep(batch), 0.2)).Order().ToArray();
    results.Add(string.Create(CultureInfo.InvariantCulture, $"\"{name}\": {blocks[3]:F2}"));
}
Console.WriteLine("{" + string.Join(", ", results) + "}");

