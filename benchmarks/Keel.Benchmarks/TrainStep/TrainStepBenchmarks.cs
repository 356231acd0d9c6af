using BenchmarkDotNet.Attributes;
using Keel.Kernels.Threading;

namespace Keel.Benchmarks.TrainStep;

/// <summary>
/// The training steps of the comparison under BenchmarkDotNet, with its memory diagnoser: a
/// steady-state step should allocate no tensor buffers (only small graph objects).
/// </summary>
[MemoryDiagnoser]
public class TrainStepBenchmarks
{
    private StepRunner? _runner;

    /// <summary>The case to run.</summary>
    [Params("seed-small", "seed-deep")]
    public string Case { get; set; } = "seed-small";

    /// <summary>Builds the network and runs it until its buffers are pooled.</summary>
    [GlobalSetup]
    public void Setup()
    {
        KernelThreads.Count = 1;
        _runner = StepCase.Named(Case).Build();
        _runner.Prepare();
        for (int i = 0; i < 100; i++) _runner.Step();
    }

    /// <summary>One training step.</summary>
    [Benchmark]
    public void Step() => _runner!.Step();
}
