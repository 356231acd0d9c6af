using Keel.Tuning.Pruners;
using static Keel.Tuning.Tests.FakeTrials;

namespace Keel.Tuning.Tests.Pruners;

public sealed class MedianPrunerTests
{
    // Five completed curves; at step 2 their values are 1, 2, 3, 4, 5 (median 3).
    private static readonly FrozenTrial[] Completed =
        [.. Enumerable.Range(0, 5).Select(i => Make(i, TrialState.Complete, i + 1, [10, 5 + i, i + 1]))];

    [Fact]
    public void Prunes_when_the_best_value_so_far_is_worse_than_the_median_at_that_step()
    {
        var pruner = new MedianPruner();
        Assert.True(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 8, 3.5]), Completed)));
        Assert.False(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 8, 2.5]), Completed)));
        // Equal to the median is kept; the best over all steps counts, not the last.
        Assert.False(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 8, 3]), Completed)));
        Assert.False(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 1, 4]), Completed)));
    }

    [Fact]
    public void Maximizing_compares_with_the_median_from_the_other_side()
    {
        var pruner = new MedianPruner();
        var context = Context(Make(9, TrialState.Running, curve: [0, 0, 2.5]), Completed, StudyDirection.Maximize);
        Assert.True(pruner.Prune(context));
        Assert.False(pruner.Prune(context with { Trial = Make(9, TrialState.Running, curve: [0, 0, 3.5]) }));
    }

    [Fact]
    public void Waits_for_the_startup_trials_and_the_warmup_steps()
    {
        var bad = Make(9, TrialState.Running, curve: [90, 80, 70]);
        Assert.False(new MedianPruner().Prune(Context(bad, Completed.Take(4))));
        Assert.True(new MedianPruner(nStartupTrials: 4).Prune(Context(bad, Completed.Take(4))));
        Assert.False(new MedianPruner(nWarmupSteps: 3).Prune(Context(bad, Completed)));
        Assert.True(new MedianPruner(nWarmupSteps: 2).Prune(Context(bad, Completed)));
    }

    [Fact]
    public void Checks_only_the_first_report_in_each_interval()
    {
        // interval 2 from warm-up 0: pruning steps are 0, 2, 4…; a report at 3 after one at 2 is skipped.
        var pruner = new MedianPruner(intervalSteps: 2);
        var completed = Completed.Select(t => t with { IntermediateValues = Enumerable.Range(0, 4).ToDictionary(s => s, _ => 1.0) });
        Assert.True(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 9, 9]), completed)));
        Assert.False(pruner.Prune(Context(Make(9, TrialState.Running, curve: [9, 9, 9, 9]), completed)));
    }

    [Fact]
    public void A_trial_with_only_nan_values_is_pruned_and_missing_steps_are_not()
    {
        Assert.True(new MedianPruner().Prune(Context(Make(9, TrialState.Running, curve: [double.NaN, double.NaN, double.NaN]), Completed)));
        Assert.False(new MedianPruner().Prune(Context(Make(9, TrialState.Running, curve: [9, 9, 9, 9, 9]), Completed)));
    }

    [Fact]
    public void Percentile_interpolates_linearly_as_numpy()
    {
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75; numpy.percentile([3, 1, 2], 50) = 2
        Assert.Equal(1.75, PercentilePruner.Percentile([1, 2, 3, 4], 25));
        Assert.Equal(2.0, PercentilePruner.Percentile([3, 1, 2], 50));
    }
}
