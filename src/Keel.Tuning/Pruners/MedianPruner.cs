namespace Keel.Tuning.Pruners;

/// <summary>Prunes a trial whose best intermediate value is worse than the median of the completed
/// trials at the same step (Optuna's <c>MedianPruner</c>, the 50th-percentile <see cref="PercentilePruner"/>).</summary>
/// <remarks>Optuna's defaults: <c>nStartupTrials = 5</c>, <c>nWarmupSteps = 0</c>, <c>intervalSteps = 1</c>, <c>nMinTrials = 1</c>.</remarks>
public sealed class MedianPruner(int nStartupTrials = 5, int nWarmupSteps = 0, int intervalSteps = 1, int nMinTrials = 1) : IPruner
{
    private readonly PercentilePruner _inner = new(50, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);

    /// <inheritdoc/>
    public bool Prune(PrunerContext context) => _inner.Prune(context);
}
