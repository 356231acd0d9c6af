#!/usr/bin/env bash
# "Probes off: a training step is no slower than without the diagnostics code." Builds the same
# timing program (probe-overhead/TrainerStepTiming.cs, timing Trainer.TrainStep with no probe)
# against this checkout and against BASE, a revision without the diagnostics code (default: the
# parent of the commit that added src/Keel/Diagnostics/Probe.cs), and runs the two alternately, ROUNDS times, each in a fresh process, so
# that load on the machine hits both alike. Prints per case the median µs per step of each side
# and the median of the per-round ratios branch/base (1.00: no slower). Times are the timing
# thread's CPU time (ThreadCpuClock), which other jobs on a shared machine disturb far less than wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-9}
BASE=${BASE:-$(git log --diff-filter=A --format=%H -- src/Keel/Diagnostics/Probe.cs | tail -n 1)^}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/base"
git archive "$BASE" | tar -x -C "$work/base"
build() { # $1: side name, $2: repository root holding src/Keel
  mkdir -p "$work/$1-app"
  cat > "$work/$1-app/timing.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><Optimize>true</Optimize><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
  <ItemGroup>
    <Compile Include="$PWD/benchmarks/compare/probe-overhead/TrainerStepTiming.cs" />
    <Compile Include="$PWD/benchmarks/Keel.Benchmarks/TrainStep/StepCase.cs" />
    <Compile Include="$PWD/benchmarks/Keel.Benchmarks/TrainStep/ThreadCpuClock.cs" />
    <ProjectReference Include="$2/src/Keel/Keel.csproj" />
  </ItemGroup>
</Project>
XML
  dotnet build "$work/$1-app/timing.csproj" -c Release -o "$work/$1-bin" -v q -nologo >/dev/null
}
build base "$work/base"
build branch "$PWD"

# Alternate which side goes first, so that neither always runs on a machine its twin just warmed.
for round in $(seq 1 "$ROUNDS"); do
  sides=(base branch); [ $((round % 2)) -eq 0 ] && sides=(branch base)
  for side in "${sides[@]}"; do echo "$side $(dotnet "$work/$side-bin/timing.dll")"; done
done | tee "$work/results.txt" >&2

python3 - "$work/results.txt" "$(git rev-parse --short "$BASE")" <<'PY'
import json, statistics, sys
rows = [line.split(" ", 1) for line in open(sys.argv[1])]
base = [json.loads(r[1]) for r in rows if r[0] == "base"]
branch = [json.loads(r[1]) for r in rows if r[0] == "branch"]
print(f"base {sys.argv[2]}, {len(base)} rounds")
print("| case | without diagnostics (CPU µs/step) | Probe = null (CPU µs/step) | ratio (median of rounds) |")
print("| --- | --- | --- | --- |")
for case in base[0]:
    a = [r[case] for r in base]; b = [r[case] for r in branch]
    ratio = statistics.median(y / x for x, y in zip(a, b))
    print(f"| {case} | {statistics.median(a):.1f} | {statistics.median(b):.1f} | {ratio:.3f} |")
PY
