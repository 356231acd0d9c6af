namespace Keel.Tuning.Samplers;

/// <summary>TPE's split of trials into the "below" (good) and "above" groups, as Optuna 4.x's <c>_split_trials</c>.</summary>
/// <remarks>
/// The best complete trials fill the below group first (ascending value when minimizing); if it is
/// not full, pruned trials follow, ranked by the furthest step they reached and then their value
/// there (a NaN value ranks last; a trial that reported nothing ranks after all that did). Running
/// trials (constant liar) are always above. Both groups are returned in trial-number order.
/// </remarks>
internal static class TpeSplit
{
    public static (List<FrozenTrial> Below, List<FrozenTrial> Above) Split(
        IReadOnlyList<FrozenTrial> trials, int belowCount, StudyDirection direction)
    {
        double sign = direction == StudyDirection.Minimize ? 1 : -1;
        var complete = trials.Where(t => t.State == TrialState.Complete)
            .OrderBy(t => sign * (t.Value ?? double.NaN)).ThenBy(t => t.Number).ToList();
        var pruned = trials.Where(t => t.State == TrialState.Pruned)
            .OrderBy(t => PrunedScore(t, sign).Step).ThenBy(t => PrunedScore(t, sign).Value).ThenBy(t => t.Number).ToList();
        int fromComplete = Math.Min(belowCount, complete.Count);
        int fromPruned = Math.Min(belowCount - fromComplete, pruned.Count);
        var below = complete.Take(fromComplete).Concat(pruned.Take(fromPruned)).OrderBy(t => t.Number).ToList();
        var above = complete.Skip(fromComplete).Concat(pruned.Skip(fromPruned))
            .Concat(trials.Where(t => t.State == TrialState.Running)).OrderBy(t => t.Number).ToList();
        return (below, above);
    }

    private static (int Step, double Value) PrunedScore(FrozenTrial trial, double sign)
    {
        if (trial.LastStep is not { } step) return (1, 0.0);
        double value = trial.IntermediateValues[step];
        return double.IsNaN(value) ? (-step, double.PositiveInfinity) : (-step, sign * value);
    }
}
