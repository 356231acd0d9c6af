namespace Keel.Diagnostics;

/// <summary>
/// Exploding gradients: the global gradient norm growing by <see cref="HealthThresholds.ExplodingGrowth"/>
/// (median of the last quarter of finite probes over the first quarter), non-finite losses or
/// gradients (critical, naming the first parameter whose gradient is not finite), and the total
/// weight norm growing by <see cref="HealthThresholds.WeightGrowth"/> and still growing.
/// </summary>
public sealed class ExplodingDetector : IDetector
{
    private const string Fix = "lower the learning rate (optimizer.<name>.lr), add clipping: {global_norm: 1.0}, "
        + "and guard: {on_nonfinite: skip} to skip non-finite steps";

    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        var finite = log.Probes.Where(p => float.IsFinite(p.Loss) && float.IsFinite(p.GradNorm)).ToList();
        if (finite.Count >= 4)
        {
            int quarter = Math.Max(1, finite.Count / 4);
            double early = Statistics.Median(finite.Take(quarter).Select(p => (double)p.GradNorm));
            double late = Statistics.Median(finite.TakeLast(quarter).Select(p => (double)p.GradNorm));
            if (early > 0 && late / early > thresholds.ExplodingGrowth)
            {
                yield return new Finding(FindingKind.Exploding, Severity.Warning, null,
                    $"the global gradient norm grew {LogQueries.N(late / early)}× from {LogQueries.N(early)} (median, steps {finite[0].Step}–{finite[quarter - 1].Step}) "
                    + $"to {LogQueries.N(late)} (median, steps {finite[^quarter].Step}–{finite[^1].Step})", Fix);
            }
        }

        if (log.Probes.FirstOrDefault(p => !float.IsFinite(p.Loss) || !float.IsFinite(p.GradNorm)) is { } bad)
        {
            var parameter = bad.Parameters.FirstOrDefault(p => !float.IsFinite(p.GradNorm) || !float.IsFinite(p.DataNorm));
            string last = finite.Count > 0 ? $"; the last finite probe (step {finite[^1].Step}) had gradient norm {LogQueries.N(finite[^1].GradNorm)} and loss {LogQueries.N(finite[^1].Loss)}" : "";
            yield return new Finding(FindingKind.Exploding, Severity.Critical, parameter?.Name,
                $"non-finite values at step {bad.Step}: loss {bad.Loss}, gradient norm {bad.GradNorm}"
                + (parameter is null ? "" : $", first in {parameter.Name}") + last, Fix);
        }
        else if (log.Evaluations.FirstOrDefault(e => e.Metrics.TryGetValue("loss", out float loss) && !float.IsFinite(loss)) is { } evaluation)
        {
            yield return new Finding(FindingKind.Exploding, Severity.Critical, null,
                $"the training loss was {evaluation.Metrics["loss"]} at the evaluation of step {evaluation.Step}", Fix);
        }

        if (WeightGrowth(finite, thresholds) is { } growth) yield return growth;
    }

    private static Finding? WeightGrowth(List<ProbeRecord> probes, HealthThresholds thresholds)
    {
        if (probes.Count < 4) return null;
        static double Total(ProbeRecord p) => Math.Sqrt(p.Parameters.Where(q => q.IsWeight).Sum(q => (double)q.DataNorm * q.DataNorm));
        double first = Total(probes[0]), middle = Total(probes[probes.Count / 2]), last = Total(probes[^1]);
        if (first <= 0 || last / first <= thresholds.WeightGrowth || last <= middle * 1.1) return null;
        return new Finding(FindingKind.Exploding, Severity.Warning, null,
            $"the total weight norm grew {LogQueries.N(last / first)}× from {LogQueries.N(first)} (step {probes[0].Step}) to {LogQueries.N(last)} (step {probes[^1].Step}) and is still growing",
            "add a weight constraint (constraints: [{max_norm: {max: 3.0}}]) or a penalty (penalties: [{l2: {lambda: 1.0e-4}}]), or lower the learning rate");
    }
}
