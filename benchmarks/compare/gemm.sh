#!/usr/bin/env bash
# Side-by-side SGEMM: Keel's Gemm.Multiply against torch.mm (Debian's python3-torch) on the same
# machine, 1 and 2 threads. Rounds are interleaved (Keel, torch, Keel, torch, ...), each side in a
# fresh process, so drifting machine load hits both sides alike; each reported ratio is the median
# of the per-round ratios Keel/torch. Prints a table and writes benchmarks/compare/gemm.json.
#
#   benchmarks/compare/gemm.sh            # ROUNDS=5 by default
#   ROUNDS=9 benchmarks/compare/gemm.sh
#   OPENBLAS_CORETYPE=SkylakeX GEMM_JSON=/tmp/gemm-skx.json benchmarks/compare/gemm.sh
#                                         # torch on OpenBLAS's AVX-512 kernels instead of the ones it detects
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-5}
GEMM_JSON=${GEMM_JSON:-benchmarks/compare/gemm.json}
# Square products, then the 27-token names MLP at batch 32: X[32,30]·W1[30,200], H[32,200]·W2[200,27]
# and the gradients dH = dY·W2ᵀ (tb), dW2 = Hᵀ·dY (ta), dW1 = Xᵀ·dH (ta), dX = dH·W1ᵀ (tb).
CASES=(256x256x256 512x512x512 1024x1024x1024 2048x2048x2048
       32x30x200 32x200x27 200x32x27:ta 32x27x200:tb 30x32x200:ta 32x200x30:tb)

source benchmarks/compare/torch-env.sh

dotnet build benchmarks/Keel.Benchmarks -c Release -v quiet -nologo >/dev/null
KEEL=benchmarks/Keel.Benchmarks/bin/Release/net10.0/Keel.Benchmarks.dll

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 2; do
    dotnet "$KEEL" compare-gemm --threads "$threads" "${CASES[@]}" \
      > "$results/keel-$round-$threads.json"
    torch_threads "$threads" "$PYTHON" benchmarks/compare/gemm_torch.py --threads "$threads" "${CASES[@]}" \
      > "$results/torch-$round-$threads.json"
  done
  echo "round $round of $ROUNDS done" >&2
done

"$PYTHON" benchmarks/compare/gemm_report.py "$results" "$GEMM_JSON" "${CASES[@]}"
