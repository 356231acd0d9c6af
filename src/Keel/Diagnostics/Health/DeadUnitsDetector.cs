namespace Keel.Diagnostics;

/// <summary>
/// Dead ReLU-family units: the median fraction of units that are not positive for any example of
/// a probed batch, over the second half of the run, above <see cref="HealthThresholds.DeadUnits"/>.
/// </summary>
public sealed class DeadUnitsDetector : IDetector
{
    private const string Fix = "lower the learning rate (optimizer.<name>.lr), initialize with init: {kaiming_normal: {gain: 1.4142}}, "
        + "or use leaky_relu: {negative_slope: 0.01}";

    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        if (log.Probes.Count == 0) yield break;
        var later = LogQueries.LaterHalf(log);
        foreach (var layer in log.Probes[0].Layers.Where(l => l.DeadFraction is not null))
        {
            double dead = Statistics.Median(LogQueries.LayerSeries(later, layer.Name, l => l.DeadFraction));
            if (double.IsNaN(dead) || dead <= thresholds.DeadUnits) continue;
            var severity = dead > 2 * thresholds.DeadUnits ? Severity.Critical : Severity.Warning;
            yield return new Finding(FindingKind.DeadUnits, severity, layer.Name,
                $"{LogQueries.Percent(dead)} of {layer.Type}'s units never fire on a batch (median over the second half; limit {LogQueries.Percent(thresholds.DeadUnits)})", Fix);
        }
    }
}
