using BenchmarkDotNet.Running;
using Keel.Benchmarks.Gemm;
using Keel.Benchmarks.TrainStep;

// `compare-gemm` and `compare-step` are the quick timing modes behind benchmarks/compare/gemm.sh and
// benchmarks/compare/train-step.sh; anything else goes to BenchmarkDotNet (for example
// `--filter *GemmBenchmarks*` or `--filter *TrainStepBenchmarks*`). `compare-probe` times a training
// step without diagnostics, with Probe = null and with probes on (docs/benchmarks.md). `compare-peak`
// measures the machine's multiply-add ceiling on one and two threads.
if (args.Length > 0 && args[0] == "compare-gemm") return CompareGemm.Run(args[1..]);
if (args.Length > 0 && args[0] == "compare-step") return CompareTrainStep.Run(args[1..]);
if (args.Length > 0 && args[0] == "compare-probe") return ProbeOverhead.Run(args[1..]);
if (args.Length > 0 && args[0] == "compare-peak") return FmaPeak.Run();
BenchmarkSwitcher.FromAssembly(typeof(CompareGemm).Assembly).Run(args);
return 0;
