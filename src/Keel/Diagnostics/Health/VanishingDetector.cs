namespace Keel.Diagnostics;

/// <summary>
/// Vanishing gradients: the first dense weight's gradient standard deviation more than
/// <see cref="HealthThresholds.VanishingOrders"/> orders of magnitude under the last one's (medians
/// over the probes), and single weights whose update-to-data ratio stays under
/// <see cref="HealthThresholds.VanishingUpdate"/> while the network as a whole moves normally
/// (when every weight barely moves, <see cref="LearningRateDetector"/> reports a low learning rate instead).
/// </summary>
public sealed class VanishingDetector : IDetector
{
    private const string Fix = "initialize for the activation (linear init: {kaiming_normal: {gain: 1.6667}} for tanh, "
        + "{kaiming_normal: {gain: 1.4142}} for relu), add batchnorm1d: {} before each activation, or use relu instead of sigmoid";

    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        var weights = LogQueries.DenseWeights(log);
        var probes = log.Probes.Where(p => float.IsFinite(p.GradNorm)).ToList();
        if (weights.Count >= 2 && probes.Count > 0)
        {
            double first = Statistics.Median(LogQueries.ParameterSeries(probes, weights[0], p => p.GradStd));
            double last = Statistics.Median(LogQueries.ParameterSeries(probes, weights[^1], p => p.GradStd));
            if (last > 0 && first >= 0)
            {
                double orders = first > 0 ? Math.Log10(last / first) : double.PositiveInfinity;
                if (orders > thresholds.VanishingOrders)
                {
                    yield return new Finding(FindingKind.Vanishing, Severity.Critical, weights[0],
                        $"the gradient std of {weights[0]} is {LogQueries.N(first)}, {LogQueries.N(orders)} orders of magnitude under "
                        + $"{weights[^1]}'s {LogQueries.N(last)} (medians over {probes.Count} probes)", Fix);
                }
            }
        }

        var later = LogQueries.LaterHalf(log).Where(p => p.Applied).ToList();
        var medians = weights.Select(w => (Name: w, Ratio: Statistics.Median(LogQueries.ParameterSeries(later, w, p => p.UpdateToData))))
            .Where(w => !double.IsNaN(w.Ratio)).ToList();
        if (medians.Count == 0) yield break;
        double overall = Statistics.Median(medians.Select(m => m.Ratio));
        if (overall < thresholds.LrTooLow) yield break;
        foreach (var (name, ratio) in medians.Where(m => m.Ratio < thresholds.VanishingUpdate))
        {
            yield return new Finding(FindingKind.Vanishing, Severity.Warning, name,
                $"{name} barely moves: update-to-data ratio 10^{LogQueries.N(ratio)} (median over the second half) "
                + $"against 10^{LogQueries.N(overall)} for the network", Fix);
        }
    }
}
