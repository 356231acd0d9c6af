using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;
using Keel.Training;
using Keel.Training.Callbacks;
using Keel.Tuning.Integration;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Xunit.Abstractions;

namespace Keel.Tuning.Tests.Integration;

/// <summary>The trainer integration on a tiny model: <c>y = 3x − 1 + 0.1·ε</c> learned by one linear unit with SGD.</summary>
public sealed class PruningCallbackTests(ITestOutputHelper output)
{
    private static readonly DatasetSplit Data = Line(96).Split(64, 32, 0, seed: 1);

    private static Dataset Line(int count)
    {
        var x = Tensor.Uniform([count, 1], new Generator(5), -1f, 1f);
        var noise = Tensor.Normal([count, 1], new Generator(6), std: 0.1f).ToArray();
        var y = Tensor.FromArray([.. x.ToArray().Select((v, i) => 3 * v - 1 + noise[i])], [count, 1]);
        return new Dataset(x, y);
    }

    private static Trainer Tiny(double learningRate, int seed, long evaluateEvery = 10)
    {
        var model = new Linear(1, 1, generator: new Generator((ulong)seed));
        return new Trainer(model, new Sgd(model.Parameters(), learningRate: (float)learningRate), Losses.Mse) { EvaluateEvery = evaluateEvery, Seed = (ulong)seed };
    }

    /// <summary>Prunes every trial once it has reported a step at or past <paramref name="step"/>.</summary>
    private sealed class PruneFrom(int step) : IPruner
    {
        public bool Prune(PrunerContext context) => context.Trial.LastStep >= step;
    }

    [Fact]
    public void Every_evaluation_reports_the_validation_loss_to_the_trial()
    {
        var study = Study.Create("tiny", options: new StudyOptions { Pruner = new NopPruner() });
        var trial = study.Ask();
        var trainer = Tiny(0.05, trial.Seed);
        double value = TrainerObjective.Fit(trial, trainer, () => trainer.Fit(Data.Train, Data.Validation, steps: 50, batchSize: 8));

        var series = trainer.History.Series("val_loss");
        Assert.Equal([10, 20, 30, 40, 50], trial.IntermediateValues.Keys);
        Assert.Equal(series.Select(s => (double)s.Value), trial.IntermediateValues.Values);
        Assert.Equal(series[^1].Value, value);
        Assert.True(series[^1].Value < series[0].Value, "the tiny model should learn");
        Assert.Empty(trainer.Callbacks);
    }

    [Fact]
    public void A_pruned_trial_stops_the_trainer_at_that_evaluation_and_ends_pruned()
    {
        var study = Study.Create("tiny", options: new StudyOptions { Pruner = new PruneFrom(20) });
        long stoppedAt = 0;
        study.Optimize(trial =>
        {
            var trainer = Tiny(0.05, trial.Seed);
            try
            {
                return TrainerObjective.Fit(trial, trainer, () => trainer.Fit(Data.Train, Data.Validation, steps: 100, batchSize: 8));
            }
            finally
            {
                stoppedAt = trainer.Step;
                Assert.StartsWith("pruned: trial 0's val_loss", trainer.History.StopReason);
            }
        }, trials: 1);

        var pruned = Assert.Single(study.Trials);
        Assert.Equal(20, stoppedAt);
        Assert.Equal(TrialState.Pruned, pruned.State);
        Assert.Equal(pruned.IntermediateValues[20], pruned.Value);
    }

    [Fact]
    public void Pruning_shares_the_monitor_of_early_stopping()
    {
        var study = Study.Create("tiny", options: new StudyOptions { Pruner = new NopPruner() });
        var trainer = Tiny(0.05, 1);
        var stopping = new EarlyStopping("val_loss", patience: 2);
        trainer.Callbacks.Add(stopping);
        var pruning = PruningCallback.Attach(trainer, study.Ask());
        Assert.Same(stopping.Monitor, pruning.Monitor);
        Assert.Same(pruning, trainer.Callbacks[^1]);

        // Early stopping on another metric is not shared: pruning follows the metric it is asked for.
        var other = Tiny(0.05, 1);
        other.Callbacks.Add(new EarlyStopping("val_accuracy", patience: 2));
        var own = PruningCallback.Attach(other, study.Ask());
        Assert.Equal(("val_loss", MonitorMode.Min), (own.Monitor.Metric, own.Monitor.Mode));
    }

    [Fact]
    public void A_monitor_that_grows_cannot_prune_a_study_that_minimizes()
    {
        var study = Study.Create("tiny", StudyDirection.Minimize);
        var error = Assert.Throws<ArgumentException>(() => new PruningCallback(study.Ask(), new MetricMonitor("val_accuracy")));
        Assert.Contains("val_accuracy", error.Message);
        Assert.Equal(MonitorMode.Max, new PruningCallback(Study.Create("max", StudyDirection.Maximize).Ask(), "val_accuracy").Monitor.Mode);
    }

    [Fact]
    public void Median_and_hyperband_pruning_save_training_steps_on_a_real_trainer()
    {
        const int Trials = 16, Steps = 100;
        (double Best, int Pruned, long Steps) Run(IPruner pruner, string name)
        {
            var study = Study.Create("tiny", options: new StudyOptions { Sampler = new RandomSampler(), Pruner = pruner, Seed = 11 });
            long steps = 0;
            study.Optimize(trial =>
            {
                var trainer = Tiny(trial.SuggestFloat("lr", 1e-4, 0.5, log: true), trial.Seed);
                try
                {
                    return TrainerObjective.Fit(trial, trainer, () => trainer.Fit(Data.Train, Data.Validation, Steps, batchSize: 8));
                }
                finally
                {
                    steps += trainer.Step;
                }
            }, trials: Trials);
            int pruned = study.Trials.Count(t => t.State == TrialState.Pruned);
            output.WriteLine($"{name,-10} best {study.BestValue:F5}  pruned {pruned,2}/{Trials}  steps {steps,5} of {Trials * Steps}");
            return (study.BestValue, pruned, steps);
        }

        var none = Run(new NopPruner(), "none");
        Assert.Equal(Trials * Steps, none.Steps);
        foreach (var run in new[] { Run(new MedianPruner(nStartupTrials: 3, nWarmupSteps: 10), "median"), Run(new HyperbandPruner(10, Steps, 3), "hyperband") })
        {
            Assert.True(run.Pruned >= Trials / 4, $"only {run.Pruned} trials pruned");
            Assert.True(run.Steps < 0.75 * none.Steps, $"{run.Steps} steps is not much less than {none.Steps}");
            Assert.True(run.Best <= none.Best * 1.2, $"best {run.Best} is not comparable to {none.Best}");
        }
    }
}
