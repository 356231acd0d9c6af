"""Summarizes gemm.sh's rounds: median GFLOP/s per side, median of per-round ratios Keel/torch.

Usage: gemm_report.py RESULTS_DIR OUT_JSON CASE...
RESULTS_DIR holds keel-ROUND-THREADS.json and torch-ROUND-THREADS.json as printed by
`Keel.Benchmarks compare-gemm` and gemm_torch.py. Prints a Markdown table and writes
{"cases": {"MxKxN/Tt": {"keel_gflops", "torch_gflops", "ratio", "transpose", "rounds"}}}.
"""
import glob
import json
import os
import re
import statistics
import sys


def load(directory, side, names=None):
    runs = {}
    for path in glob.glob(os.path.join(directory, f"{side}-*-*.json")):
        round_, threads = re.match(rf"{side}-(\d+)-(\d+)\.json", os.path.basename(path)).groups()
        with open(path) as f:
            run = json.load(f)
        runs[(int(round_), int(threads))] = run["gflops"]
        if names is not None and "blas" in run:
            names.add(run["blas"])
    return runs


def main(directory, out_path, cases):
    blas = set()
    keel, torch = load(directory, "keel"), load(directory, "torch", blas)
    rounds = sorted({r for r, _ in keel} & {r for r, _ in torch})
    table = {}
    lines = ["| case (M×K×N) | op | threads | Keel GFLOP/s | torch GFLOP/s | Keel/torch |",
             "|---|---|---:|---:|---:|---:|"]
    for threads in (1, 2):
        for case in cases:
            shape, _, flags = case.partition(":")
            k = [keel[(r, threads)][case] for r in rounds]
            t = [torch[(r, threads)][case] for r in rounds]
            ratio = statistics.median(a / b for a, b in zip(k, t))
            op = {"": "A·B", "ta": "Aᵀ·B", "tb": "A·Bᵀ", "tatb": "Aᵀ·Bᵀ"}[flags]
            table[f"{shape}/{threads}t"] = {
                "keel_gflops": round(statistics.median(k), 2),
                "torch_gflops": round(statistics.median(t), 2),
                "ratio": round(ratio, 3),
                "transpose": flags,
                "rounds": len(rounds),
            }
            lines.append(f"| {shape} | {op} | {threads} | {statistics.median(k):.1f} | "
                         f"{statistics.median(t):.1f} | {ratio:.2f} |")
    with open(out_path, "w") as f:
        json.dump({"torch_blas": ", ".join(sorted(blas)), "cases": table}, f, indent=2)
        f.write("\n")
    print("\n".join(lines))
    print(f"\ntorch BLAS: {', '.join(sorted(blas))}")
    print(f"{len(rounds)} interleaved rounds; ratio = median of per-round Keel/torch. Wrote {out_path}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
