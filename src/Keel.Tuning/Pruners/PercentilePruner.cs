namespace Keel.Tuning.Pruners;

/// <summary>Prunes a trial whose best intermediate value is worse than a percentile of the completed
/// trials' values at the same step (Optuna's <c>PercentilePruner</c>).</summary>
/// <remarks>
/// At the trial's last reported step <c>s</c>: no pruning while fewer than <c>nStartupTrials</c>
/// trials have completed, while <c>s &lt; nWarmupSteps</c>, or when <c>s</c> is not the first report
/// in its interval of <c>intervalSteps</c> (counted from the warm-up). Otherwise the trial's best
/// value over all its steps (minimum when minimizing, ignoring NaN; all NaN prunes) is compared with
/// the <c>percentile</c>-th value (linear interpolation, as <c>numpy.nanpercentile</c>; the
/// <c>100 − percentile</c>-th when maximizing) of the completed trials that reported step <c>s</c>;
/// fewer than <c>nMinTrials</c> of those means no pruning. Prunes when strictly worse.
/// </remarks>
public sealed class PercentilePruner : IPruner
{
    private readonly double _percentile;
    private readonly int _startupTrials, _warmupSteps, _intervalSteps, _minTrials;

    /// <summary>Creates the pruner; Optuna's defaults apart from <paramref name="percentile"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public PercentilePruner(double percentile, int nStartupTrials = 5, int nWarmupSteps = 0, int intervalSteps = 1, int nMinTrials = 1)
    {
        if (!(percentile >= 0 && percentile <= 100))
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "The percentile must be in [0, 100].");
        ArgumentOutOfRangeException.ThrowIfNegative(nStartupTrials);
        ArgumentOutOfRangeException.ThrowIfNegative(nWarmupSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nMinTrials, 1);
        (_percentile, _startupTrials, _warmupSteps, _intervalSteps, _minTrials) =
            (percentile, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    /// <inheritdoc/>
    public bool Prune(PrunerContext context)
    {
        var completed = context.Trials.Where(t => t.State == TrialState.Complete).ToList();
        if (completed.Count == 0 || completed.Count < _startupTrials) return false;
        if (context.Trial.LastStep is not { } step || step < _warmupSteps) return false;
        if (!IsFirstInInterval(step, context.Trial.IntermediateValues.Keys)) return false;

        bool minimize = context.Direction == StudyDirection.Minimize;
        var own = context.Trial.IntermediateValues.Values.Where(v => !double.IsNaN(v)).ToList();
        if (own.Count == 0) return true;
        double best = minimize ? own.Min() : own.Max();

        var atStep = completed.Where(t => t.IntermediateValues.TryGetValue(step, out double v) && !double.IsNaN(v))
            .Select(t => t.IntermediateValues[step]).ToList();
        if (atStep.Count < _minTrials) return false;
        double p = Percentile(atStep, minimize ? _percentile : 100 - _percentile);
        return minimize ? best > p : best < p;
    }

    /// <summary>The <paramref name="q"/>-th percentile with linear interpolation between order statistics.</summary>
    internal static double Percentile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        double rank = q / 100 * (sorted.Length - 1);
        int lower = (int)Math.Floor(rank), upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    private bool IsFirstInInterval(int step, IEnumerable<int> reportedSteps)
    {
        int nearestLowerPruningStep = (step - _warmupSteps) / _intervalSteps * _intervalSteps + _warmupSteps;
        int secondLast = reportedSteps.Where(s => s != step).DefaultIfEmpty(-1).Max();
        return secondLast < nearestLowerPruningStep;
    }
}
