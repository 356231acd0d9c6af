namespace Keel.Diagnostics;

/// <summary>
/// The loss at step 0 against that of a uniform prediction, <c>ln(classes)</c> (3.30 for 27
/// characters): more than <see cref="HealthThresholds.InitialLossFactor"/> times it means the
/// network starts confidently wrong and wastes its first steps squashing the logits (makemore
/// part 3's "hockey stick"); far under it, that the labels leak or the loss is mis-set.
/// </summary>
public sealed class InitialLossDetector : IDetector
{
    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        if (log.Header.ExpectedInitialLoss is not { } expected || expected <= 0) yield break;
        if (log.Probes.FirstOrDefault(p => p.Step == 0) is not { } first) yield break;
        double loss = first.Loss, factor = thresholds.InitialLossFactor;
        if (float.IsFinite(first.Loss) && loss <= expected * factor && loss >= expected / factor) yield break;
        var lastWeight = first.Parameters.LastOrDefault(p => p.IsWeight)?.Name;
        var severity = !float.IsFinite(first.Loss) || loss > 3 * expected ? Severity.Critical : Severity.Warning;
        string fix = loss > expected
            ? $"make the last layer's initial logits small: init: {{kaiming_normal: {{gain: 0.1}}}} and bias_init: zeros on the last linear{(lastWeight is null ? "" : $" ({LogQueries.LayerOf(lastWeight)})")}"
            : "check that the loss and the targets fit the model's output (loss: cross_entropy expects one logit per class)";
        yield return new Finding(FindingKind.InitialLoss, severity, lastWeight is null ? null : LogQueries.LayerOf(lastWeight),
            $"the loss at step 0 is {LogQueries.N(loss)}; a uniform prediction gives {LogQueries.N(expected)} (ln of the class count), limit ×{LogQueries.N(factor)}", fix);
    }
}
