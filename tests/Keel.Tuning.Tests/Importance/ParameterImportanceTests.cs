using Keel.Tuning.Importance;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;

namespace Keel.Tuning.Tests.Importance;

public sealed class ParameterImportanceTests
{
    private static IReadOnlyList<FrozenTrial> Run(Func<Trial, double> objective, int trials = 40)
    {
        var study = Study.Create("importance", options: new StudyOptions { Sampler = new RandomSampler(), Pruner = new NopPruner(), Seed = 5 });
        study.Optimize(objective, trials: trials);
        return study.Trials;
    }

    [Fact]
    public void The_parameter_that_drives_the_objective_is_the_most_important()
    {
        // y = (log10 lr + 2)² + 0.01·noise: lr explains nearly all the variance, the other two nothing.
        var scores = ParameterImportance.Evaluate(Run(t =>
        {
            double lr = t.SuggestFloat("lr", 1e-4, 1, log: true);
            t.SuggestInt("units", 16, 256);
            t.SuggestCategorical("act", ["tanh", "relu"]);
            return Math.Pow(Math.Log10(lr) + 2, 2) + 0.01 * new Random(t.Seed).NextDouble();
        }));
        Assert.Equal("lr", scores[0].Name);
        Assert.True(scores[0].Importance > 0.8, $"lr has only {scores[0].Importance}");
        Assert.Equal(1.0, scores.Sum(s => s.Importance), 1e-9);
    }

    [Fact]
    public void A_categorical_parameter_is_grouped_by_choice()
    {
        var scores = ParameterImportance.Evaluate(Run(t => (t.SuggestCategorical("act", ["a", "b", "c"]) == "b" ? 1 : 0) + 0.01 * t.SuggestFloat("x", 0, 1)));
        Assert.Equal("act", scores[0].Name);
        Assert.True(scores[0].Importance > 0.9, $"act has only {scores[0].Importance}");
    }

    [Fact]
    public void The_correlation_ratio_matches_a_hand_computed_case()
    {
        // Two choices: values {1, 3} and {5, 7}. Mean 4; total Σ(y − 4)² = 9+1+1+9 = 20;
        // between = 2·(2 − 4)² + 2·(6 − 4)² = 16; η² = 0.8.
        var study = Study.Create("hand", options: new StudyOptions { Pruner = new NopPruner() });
        foreach (var (choice, value) in new[] { ("lo", 1.0), ("lo", 3.0), ("hi", 5.0), ("hi", 7.0) })
        {
            study.EnqueueTrial(new Dictionary<string, object> { ["c"] = choice });
            study.Optimize(t => t.SuggestCategorical("c", ["lo", "hi"]) == choice ? value : double.NaN, trials: 1);
        }
        Assert.Equal(0.8, ParameterImportance.CorrelationRatio(study.Trials, "c"), 12);
    }

    [Fact]
    public void Fewer_than_four_complete_trials_give_no_scores()
    {
        Assert.Empty(ParameterImportance.Evaluate(Run(t => t.SuggestFloat("x", 0, 1), trials: 3)));
        Assert.Empty(ParameterImportance.Evaluate(Run(t => 0 * t.SuggestFloat("x", 0, 1))));
    }
}
