#!/usr/bin/env bash
# The whole names run side by side: `keel train examples/names/mlp.yaml` (200,000 steps, 1 thread)
# against the same run in PyTorch (names_mlp_torch.py, Debian's python3-torch on OpenBLAS, 1 thread).
# Rounds alternate Keel, torch, Keel, torch, ...; each side's wall time is the median over rounds
# and the speedup the median of the per-round ratios torch / Keel. Writes benchmarks/compare/names-mlp.json.
#
#   benchmarks/compare/names-mlp.sh          # ROUNDS=3 by default
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
OUTPUT=${OUTPUT:-benchmarks/compare/names-mlp.json}
source benchmarks/compare/torch-env.sh

dotnet build src/Keel.Cli -c Release -v quiet -nologo >/dev/null
KEEL=src/Keel.Cli/bin/Release/net10.0/Keel.Cli

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for round in $(seq 1 "$ROUNDS"); do
  "$KEEL" train examples/names/mlp.yaml --out "$results/run-$round" >/dev/null
  cp "$results/run-$round/metrics.json" "$results/keel-$round.json"
  torch_threads 1 "$PYTHON" benchmarks/compare/names_mlp_torch.py --threads 1 > "$results/torch-$round.json"
  echo "round $round of $ROUNDS done" >&2
done

"$PYTHON" - "$results" "$OUTPUT" <<'PY'
import json, statistics, sys
from pathlib import Path
folder, output = Path(sys.argv[1]), Path(sys.argv[2])
keel = [json.loads(p.read_text()) for p in sorted(folder.glob("keel-*.json"))]
torch = [json.loads(p.read_text()) for p in sorted(folder.glob("torch-*.json"))]
result = {
    "rounds": len(keel),
    "keel_seconds": round(statistics.median(r["wall_seconds"] for r in keel), 2),
    "torch_seconds": round(statistics.median(r["wall_seconds"] for r in torch), 2),
    "speedup": round(statistics.median(t["wall_seconds"] / k["wall_seconds"] for k, t in zip(keel, torch)), 2),
    "keel_validation_loss": round(statistics.median(r["validation_loss"] for r in keel), 4),
    "torch_validation_loss": round(statistics.median(r["validation_loss"] for r in torch), 4),
}
print(f"{'':<8}{'seconds':>9}{'val loss':>10}")
print(f"{'Keel':<8}{result['keel_seconds']:>9}{result['keel_validation_loss']:>10}")
print(f"{'torch':<8}{result['torch_seconds']:>9}{result['torch_validation_loss']:>10}")
print(f"speedup (torch / Keel): {result['speedup']}")
output.write_text(json.dumps(result, indent=2) + "\n")
PY
