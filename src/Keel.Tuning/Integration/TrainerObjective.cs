using Keel.Training;

namespace Keel.Tuning.Integration;

/// <summary>Turns one training run into a trial's objective value, with pruning.</summary>
/// <remarks>
/// <code>
/// study.Optimize(trial =>
/// {
///     var trainer = BuildTrainer(trial.SuggestFloat("lr", 1e-3, 1, log: true), seed: trial.Seed);
///     return TrainerObjective.Fit(trial, trainer, () => trainer.Fit(split.Train, split.Validation, 20_000, 32));
/// }, trials: 30);
/// </code>
/// The steps: attach a <see cref="PruningCallback"/> (sharing early stopping's monitor), run
/// <c>fit</c>, detach; when the pruner stopped the fit, throw <see cref="TrialPrunedException"/>
/// (the study records the trial as pruned with its last reported value); otherwise return
/// <c>value()</c>, by default the monitored metric's last recorded value.
/// </remarks>
public static class TrainerObjective
{
    /// <summary>Runs <paramref name="fit"/> on <paramref name="trainer"/> for <paramref name="trial"/> and returns the objective value.</summary>
    /// <param name="trial">The trial that receives the reports.</param>
    /// <param name="trainer">The trainer <paramref name="fit"/> uses.</param>
    /// <param name="fit">Trains (any of the trainer's <c>Fit</c> overloads).</param>
    /// <param name="value">The objective once training ends without pruning; by default the last value of
    /// the monitored metric in the trainer's history.</param>
    /// <param name="metric">The metric to report when the trainer has no early stopping to share a monitor with.</param>
    /// <exception cref="TrialPrunedException">The pruner stopped the fit.</exception>
    public static double Fit(Trial trial, Trainer trainer, Action fit, Func<double>? value = null, string metric = "val_loss")
    {
        ArgumentNullException.ThrowIfNull(fit);
        var pruning = PruningCallback.Attach(trainer, trial, metric);
        try
        {
            fit();
        }
        finally
        {
            trainer.Callbacks.Remove(pruning);
        }
        if (pruning.Pruned) throw new TrialPrunedException($"Trial {trial.Number} was pruned at step {pruning.PrunedAtStep}.");
        if (value is not null) return value();
        return trainer.History.Last(pruning.Monitor.Metric) ?? double.NaN;
    }
}
