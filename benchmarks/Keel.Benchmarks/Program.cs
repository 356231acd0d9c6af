using BenchmarkDotNet.Running;
using Keel.Benchmarks.Gemm;

// `compare-gemm` is the quick timing mode behind benchmarks/compare/gemm.sh; anything else goes to
// BenchmarkDotNet (for example `--filter *GemmBenchmarks*`).
if (args.Length > 0 && args[0] == "compare-gemm") return CompareGemm.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(CompareGemm).Assembly).Run(args);
return 0;
