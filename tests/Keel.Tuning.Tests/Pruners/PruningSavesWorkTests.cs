using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Xunit.Abstractions;

namespace Keel.Tuning.Tests.Pruners;

/// <summary>On a toy training objective, pruning stops bad trials early and still finds a comparable best.</summary>
public sealed class PruningSavesWorkTests(ITestOutputHelper output)
{
    private const int Trials = 40, Epochs = 81;

    /// <summary>A learning curve: the loss decays towards a floor set by how far log₁₀(lr) is from −2,
    /// with noise from the trial's seed; every epoch is reported and counted as work.</summary>
    private static double Train(Trial trial, ref int epochsRun)
    {
        double lr = trial.SuggestFloat("lr", 1e-5, 1, log: true);
        double floor = Math.Pow(Math.Log10(lr) + 2, 2);
        var noise = new Random(trial.Seed);
        double loss = double.NaN;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            Interlocked.Increment(ref epochsRun);
            loss = floor + 2.0 / (1 + 0.2 * epoch) + 0.01 * noise.NextDouble();
            trial.Report(epoch, loss);
            if (trial.ShouldPrune()) throw new TrialPrunedException();
        }
        return loss;
    }

    private (double Best, int Pruned, int Epochs) Run(IPruner pruner, string name)
    {
        var study = Study.Create("toy", options: new StudyOptions { Sampler = new RandomSampler(), Pruner = pruner, Seed = 3 });
        int epochs = 0;
        study.Optimize(t => Train(t, ref epochs), trials: Trials);
        int pruned = study.Trials.Count(t => t.State == TrialState.Pruned);
        output.WriteLine($"{name,-10} best {study.BestValue:F4}  pruned {pruned,2}/{Trials}  epochs {epochs,4} of {Trials * Epochs}");
        return (study.BestValue, pruned, epochs);
    }

    [Fact]
    public void Median_and_hyperband_prune_bad_trials_and_find_a_comparable_best()
    {
        var none = Run(new NopPruner(), "none");
        var median = Run(new MedianPruner(), "median");
        var hyperband = Run(new HyperbandPruner(minResource: 1, maxResource: Epochs, reductionFactor: 3), "hyperband");

        Assert.Equal((0, Trials * Epochs), (none.Pruned, none.Epochs));
        foreach (var run in new[] { median, hyperband })
        {
            Assert.True(run.Pruned >= Trials / 4, $"only {run.Pruned} trials pruned");
            Assert.True(run.Epochs < 0.6 * none.Epochs, $"{run.Epochs} epochs is not much less than {none.Epochs}");
            Assert.True(run.Best <= none.Best + 0.05, $"best {run.Best} is not comparable to {none.Best} without pruning");
        }
    }
}
