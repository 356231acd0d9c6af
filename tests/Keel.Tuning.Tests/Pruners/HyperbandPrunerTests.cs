using Keel.Tuning.Pruners;
using static Keel.Tuning.Tests.FakeTrials;

namespace Keel.Tuning.Tests.Pruners;

public sealed class HyperbandPrunerTests
{
    [Fact]
    public void Brackets_and_budgets_follow_optuna()
    {
        // B = ⌊log₃ 81⌋ + 1 = 5; share of bracket b = ⌈B·3^(B−1−b)/(B−b)⌉.
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 81, reductionFactor: 3);
        Assert.Equal(5, pruner.BracketCount);
        Assert.Equal([81, 34, 15, 8, 5], pruner.Budgets);
    }

    [Fact]
    public void Trials_join_brackets_by_crc32_of_study_name_and_number()
    {
        // Expected from Python: zlib.crc32(f"study_{n}".encode()) % 143 walked through [81, 34, 15, 8, 5].
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 81, reductionFactor: 3);
        int[] expected = [1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 1, 0, 1, 0];
        Assert.Equal(expected, Enumerable.Range(0, 20).Select(n => pruner.BracketOf("study", n)));
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Trials_compete_only_within_their_bracket()
    {
        // Trials 0 and 8 are in bracket 1 (rung 0 ends at step 3); trial 1 is in bracket 0.
        var pruner = new HyperbandPruner(minResource: 1, maxResource: 81, reductionFactor: 3);
        Assert.Equal((1, 1, 0), (pruner.BracketOf("study", 0), pruner.BracketOf("study", 8), pruner.BracketOf("study", 1)));
        var otherBracket = Make(1, TrialState.Running, attrs: new() { ["completed_rung_0"] = "0" });
        var sameBracket = Make(8, TrialState.Running, attrs: new() { ["completed_rung_0"] = "0" });
        var bad = Make(0, TrialState.Running, curve: Enumerable.Repeat(10.0, 4));
        Assert.False(pruner.Prune(Context(bad, [otherBracket])));
        Assert.True(pruner.Prune(Context(bad, [otherBracket, sameBracket])));
    }

    [Fact]
    public void Auto_max_resource_waits_for_a_completed_trial()
    {
        var pruner = new HyperbandPruner();
        Assert.False(pruner.Prune(Context(Make(3, TrialState.Running, curve: [1, 2]), [])));
        Assert.Equal(0, pruner.BracketCount);
        pruner.Prune(Context(Make(3, TrialState.Running, curve: [1, 2]), [Make(0, TrialState.Complete, 1, Enumerable.Repeat(1.0, 27))]));
        // max = 26 + 1 = 27 → B = ⌊log₃ 27⌋ + 1 = 4
        Assert.Equal(4, pruner.BracketCount);
    }
}
