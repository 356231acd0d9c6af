namespace Keel.Diagnostics;

/// <summary>
/// Overfitting: the last validation loss more than <see cref="HealthThresholds.OverfittingRise"/>
/// (relative) above its minimum while the training loss kept falling since that minimum.
/// </summary>
public sealed class OverfittingDetector : IDetector
{
    private const string Fix = "stop at the best epoch (callbacks: [{early_stopping: {monitor: val_loss, patience: 5, restore_best_weights: true}}]), "
        + "regularize (penalties: [{l2: {lambda: 1.0e-4}}] or a dropout: {p: 0.1} layer), or get more data";

    /// <inheritdoc />
    public IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds)
    {
        var rows = log.Evaluations
            .Where(e => e.Metrics.TryGetValue("val_loss", out float v) && float.IsFinite(v) && e.Metrics.TryGetValue("loss", out float t) && float.IsFinite(t))
            .Select(e => (e.Step, Train: (double)e.Metrics["loss"], Validation: (double)e.Metrics["val_loss"])).ToList();
        if (rows.Count < 3) yield break;
        var best = rows.MinBy(r => r.Validation);
        var last = rows[^1];
        if (last.Validation <= best.Validation * (1 + thresholds.OverfittingRise) || last.Train >= best.Train) yield break;
        yield return new Finding(FindingKind.Overfitting, Severity.Warning, null,
            $"val_loss rose from {LogQueries.N(best.Validation)} (step {best.Step}) to {LogQueries.N(last.Validation)} (step {last.Step}) "
            + $"while the training loss fell from {LogQueries.N(best.Train)} to {LogQueries.N(last.Train)}", Fix);
    }
}
