namespace Keel.Diagnostics;

/// <summary>
/// Saturated tanh or sigmoid layers: the fraction of saturated outputs at the first probe, or its
/// median over the second half of the run, above <see cref="HealthThresholds.Saturation"/>
/// (critical above twice that). Saturated units pass almost no gradient back (<c>1 − y²</c> under
/// 0.06 for |tanh| &gt; 0.97).
/// </summary>
public sealed class SaturationDetector : IDetector
{
    private const string Fix = "shrink the preceding linear's initial weights to the activation's gain "
        + "(init: {kaiming_normal: {gain: 1.6667}} for tanh, {xavier_normal: {}} for sigmoid) or add batchnorm1d: {} before the activation";

    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        if (log.Probes.Count == 0) yield break;
        var first = log.Probes[0];
        var later = LogQueries.LaterHalf(log);
        foreach (var layer in first.Layers.Where(l => l.Saturation is not null))
        {
            double start = layer.Saturation ?? 0;
            double late = Statistics.Median(LogQueries.LayerSeries(later, layer.Name, l => l.Saturation));
            if (double.IsNaN(late)) late = 0;
            double worst = Math.Max(start, late);
            if (worst <= thresholds.Saturation) continue;
            var severity = worst > 2 * thresholds.Saturation ? Severity.Critical : Severity.Warning;
            string limit = layer.Activation == ActivationKind.Tanh ? "|y| > 0.97" : "within 0.03 of 0 or 1";
            yield return new Finding(FindingKind.Saturation, severity, layer.Name,
                $"{layer.Type} output saturated ({limit}): {LogQueries.Percent(start)} at step {first.Step}, "
                + $"{LogQueries.Percent(late)} median over the second half (limit {LogQueries.Percent(thresholds.Saturation)})", Fix);
        }
    }
}
