using Keel.Tuning.Pruners;
using static Keel.Tuning.Tests.FakeTrials;

namespace Keel.Tuning.Tests.Pruners;

public sealed class SuccessiveHalvingPrunerTests
{
    private static FrozenTrial AtRung0(int number, double value) =>
        Make(number, TrialState.Running, attrs: new() { ["completed_rung_0"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public void Promotes_only_the_best_fraction_of_a_rung()
    {
        // η = 2, r = 1: rung 0 ends at step 1. Others recorded 1, 2, 3 there; with this trial's value
        // m = 4 competitors and the best ⌊4/2⌋ = 2 go on, so the threshold is the second smallest.
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2);
        FrozenTrial[] others = [AtRung0(0, 1), AtRung0(1, 2), AtRung0(2, 3)];
        var attrs = new Dictionary<string, string>();
        Assert.True(pruner.Prune(Context(Make(5, TrialState.Running, curve: [9, 4]), others, attrs: attrs)));
        Assert.Equal("4", attrs["completed_rung_0"]);
        Assert.False(pruner.Prune(Context(Make(5, TrialState.Running, curve: [9, 1.5]), others)));
        Assert.True(pruner.Prune(Context(Make(5, TrialState.Running, curve: [9, 0.5]), others, StudyDirection.Maximize)));
    }

    [Fact]
    public void Does_not_decide_before_the_rung_step_and_prunes_nan()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 4, reductionFactor: 2);
        Assert.False(pruner.Prune(Context(Make(0, TrialState.Running, curve: [100, 100, 100]), [])));
        Assert.True(pruner.Prune(Context(Make(0, TrialState.Running, curve: [1, 1, 1, 1, double.NaN]), [])));
    }

    [Fact]
    public void A_trial_alone_at_a_rung_is_promoted_and_climbs_every_rung_it_passed()
    {
        // min early-stopping rate 1 with r = 1, η = 3: rungs end at steps 3, 9, 27.
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3, minEarlyStoppingRate: 1);
        var attrs = new Dictionary<string, string>();
        Assert.False(pruner.Prune(Context(Make(0, TrialState.Running, curve: Enumerable.Repeat(1.0, 10)), [], attrs: attrs)));
        Assert.Equal(["completed_rung_0", "completed_rung_1"], attrs.Keys.Order());
    }

    [Fact]
    public void Bootstrap_count_needs_more_competitors_than_that()
    {
        var pruner = new SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2, bootstrapCount: 2);
        Assert.True(pruner.Prune(Context(Make(5, TrialState.Running, curve: [0, 0]), [AtRung0(0, 1)])));
        Assert.False(pruner.Prune(Context(Make(5, TrialState.Running, curve: [0, 0]), [AtRung0(0, 1), AtRung0(1, 2)])));
    }

    [Fact]
    public void Auto_min_resource_is_a_hundredth_of_the_longest_completed_trial()
    {
        var pruner = new SuccessiveHalvingPruner(reductionFactor: 2);
        Assert.False(pruner.Prune(Context(Make(1, TrialState.Running, curve: [5, 5]), [])));
        // Longest completed: step 299 → r = 2; a report at step 1 is before rung 0, at step 2 it decides.
        var done = Make(0, TrialState.Complete, 1, Enumerable.Repeat(1.0, 300), new() { ["completed_rung_0"] = "1" });
        Assert.False(pruner.Prune(Context(Make(1, TrialState.Running, curve: [5, 5]), [done])));
        Assert.True(pruner.Prune(Context(Make(1, TrialState.Running, curve: [5, 5, 5]), [done])));
    }
}
