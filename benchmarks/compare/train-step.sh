#!/usr/bin/env bash
# Side-by-side training steps: Keel against PyTorch (Debian's python3-torch) on the same networks,
# 1 and 2 threads. Rounds are interleaved case by case (Keel, torch, Keel, torch, ...), each side
# in a fresh process, so drifting machine load hits both alike (the two sides of a case run seconds
# apart); each speedup (torch time / Keel time) is the median of the per-round ratios. On 2 threads
# torch is also timed with OMP_WAIT_POLICY=PASSIVE ("tuned"). Prints a table and writes
# benchmarks/compare/results.json.
#
#   benchmarks/compare/train-step.sh                 # ROUNDS=3 by default
#   ROUNDS=5 benchmarks/compare/train-step.sh seed-small seed-deep
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
RESULTS_JSON=${RESULTS_JSON:-benchmarks/compare/results.json}
CASES=("$@")
[ ${#CASES[@]} -gt 0 ] || CASES=(seed-small seed-deep wide wide-eval)

source benchmarks/compare/torch-env.sh

dotnet build benchmarks/Keel.Benchmarks -c Release -v quiet -nologo >/dev/null
KEEL=benchmarks/Keel.Benchmarks/bin/Release/net10.0/Keel.Benchmarks.dll

torch_run() {
  local threads=$1 case=$2; shift 2
  torch_threads "$threads" "$@" "$PYTHON" benchmarks/compare/train_step_torch.py --threads "$threads" "$case"
}

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 2; do
    for case in "${CASES[@]}"; do
      dotnet "$KEEL" compare-step --threads "$threads" "$case" > "$results/keel-$round-$threads-$case.json"
      torch_run "$threads" "$case" > "$results/torch-$round-$threads-$case.json"
      if [ "$threads" -eq 2 ]; then
        torch_run "$threads" "$case" OMP_WAIT_POLICY=PASSIVE > "$results/tuned-$round-$threads-$case.json"
      fi
    done
  done
  echo "round $round of $ROUNDS done" >&2
done

"$PYTHON" benchmarks/compare/train_step_report.py "$results" "$RESULTS_JSON" "${CASES[@]}"
