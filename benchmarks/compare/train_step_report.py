"""Combines the rounds of train-step.sh: per case and thread count, the median over rounds of each
side's time and of the per-round speedup (torch time / Keel time), with the lowest and highest
per-round speedup beside it. Prints a table and writes JSON:
{"cases": {"<case>/<threads>t": {"keel_us", "torch_us", "speedup", "speedup_range"[, "torch_tuned_us", "speedup_vs_tuned"]}}}.
"""
import json
import statistics
import sys
from pathlib import Path


def load(folder, side, threads):
    """One dict of case -> microseconds per round, in round order, from the files <side>-<round>-<threads>-<case>.json."""
    rounds = {}
    for run in Path(folder).glob(f"{side}-*-{threads}-*.json"):
        round_number = int(run.name.split("-")[1])
        rounds.setdefault(round_number, {}).update(json.loads(run.read_text()))
    return [rounds[r] for r in sorted(rounds)]


def main(folder, output, cases):
    result = {}
    print(f"{'case':<18}{'Keel µs':>10}{'torch µs':>11}{'speedup':>9}{'rounds':>13}{'tuned µs':>10}{'vs tuned':>10}")
    for threads in (1, 2):
        keel, torch, tuned = load(folder, "keel", threads), load(folder, "torch", threads), load(folder, "tuned", threads)
        for case in cases:
            ratios = [t[case] / k[case] for k, t in zip(keel, torch)]
            entry = {
                "keel_us": round(statistics.median(r[case] for r in keel), 2),
                "torch_us": round(statistics.median(r[case] for r in torch), 2),
                "speedup": round(statistics.median(ratios), 2),
                "speedup_range": [round(min(ratios), 2), round(max(ratios), 2)],
            }
            spread = f"{entry['speedup_range'][0]}-{entry['speedup_range'][1]}"
            line = f"{case + '/' + str(threads) + 't':<18}{entry['keel_us']:>10}{entry['torch_us']:>11}{entry['speedup']:>9}{spread:>13}"
            if tuned:
                entry["torch_tuned_us"] = round(statistics.median(r[case] for r in tuned), 2)
                entry["speedup_vs_tuned"] = round(statistics.median(t[case] / k[case] for k, t in zip(keel, tuned)), 2)
                line += f"{entry['torch_tuned_us']:>10}{entry['speedup_vs_tuned']:>10}"
            print(line)
            result[f"{case}/{threads}t"] = entry
    Path(output).write_text(json.dumps({"cases": result}, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
