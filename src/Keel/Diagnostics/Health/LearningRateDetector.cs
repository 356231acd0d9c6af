namespace Keel.Diagnostics;

/// <summary>
/// The learning rate judged by the update-to-data ratio <c>log10(std(Δw) / std(w))</c>, which
/// Karpathy (makemore part 3) keeps near −3: the median over the weights of each weight's median
/// over the second half of the run, above <see cref="HealthThresholds.LrTooHigh"/> or under
/// <see cref="HealthThresholds.LrTooLow"/>. Since the update scales with the learning rate for SGD
/// and Adam alike, the fix names the rate that would bring the ratio to −3.
/// </summary>
public sealed class LearningRateDetector : IDetector
{
    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        var later = LogQueries.LaterHalf(log).Where(p => p.Applied && float.IsFinite(p.Loss)).ToList();
        if (later.Count == 0 || later[0].Parameters.Count == 0) yield break;
        var weights = later[0].Parameters.Where(p => p.IsWeight).Select(p => p.Name).ToList();
        var medians = weights.Select(w => Statistics.Median(LogQueries.ParameterSeries(later, w, p => p.UpdateToData)))
            .Where(m => !double.IsNaN(m)).ToList();
        if (medians.Count == 0) yield break;
        double ratio = Statistics.Median(medians);
        double lr = Statistics.Median(later.Select(p => (double)p.LearningRate));
        double suggested = lr * Math.Pow(10, -3 - ratio);
        string evidence = $"update-to-data ratio 10^{LogQueries.N(ratio)} (median over {medians.Count} weights and the second half of the run) at learning rate {LogQueries.N(lr)}; about 10^-3 is healthy";
        string fix = $"set optimizer.<name>.lr near {LogQueries.N(suggested)}, or add a schedule";
        if (ratio > thresholds.LrTooHigh)
            yield return new Finding(FindingKind.LrTooHigh, Severity.Warning, null, evidence, fix);
        else if (ratio < thresholds.LrTooLow)
            yield return new Finding(FindingKind.LrTooLow, Severity.Warning, null, evidence, fix);
    }
}
