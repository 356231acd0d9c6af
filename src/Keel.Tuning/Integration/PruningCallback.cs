using Keel.Optim;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Tuning.Integration;

/// <summary>
/// Reports a trainer's monitored validation metric to a <see cref="Trial"/> after every evaluation
/// and stops the fit when the study's pruner says so (Optuna's <c>KerasPruningCallback</c> and
/// <c>PyTorchLightningPruningCallback</c>).
/// </summary>
/// <remarks>
/// After each evaluation at step <c>s</c>: <c>trial.Report(s, row[monitor])</c>; then, when
/// <see cref="Trial.ShouldPrune"/> is true, the trainer is asked to stop (the fit ends cleanly, so
/// other callbacks still see the end of training, and early stopping still restores its best
/// weights) and <see cref="Pruned"/> becomes true. The caller ends the trial as pruned, for example
/// with <see cref="TrainerObjective.Fit"/>. The metric and its mode come from a
/// <see cref="MetricMonitor"/>; <see cref="Attach"/> shares the one of the trainer's
/// <see cref="EarlyStopping"/> on the same metric, so pruning and early stopping judge the same value.
/// </remarks>
public sealed class PruningCallback : ITrainingCallback
{
    /// <summary>Reports <paramref name="monitor"/>'s metric to <paramref name="trial"/>.</summary>
    /// <exception cref="ArgumentException">The monitor's mode disagrees with the study's direction
    /// (a metric that grows, such as <c>val_accuracy</c>, in a study that minimizes).</exception>
    public PruningCallback(Trial trial, MetricMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(monitor);
        var expected = trial.Direction == StudyDirection.Minimize ? MonitorMode.Min : MonitorMode.Max;
        if (monitor.Mode != expected)
            throw new ArgumentException($"The monitor of '{monitor.Metric}' is in {monitor.Mode} mode but the study {trial.Direction.ToString().ToLowerInvariant()}s; they must agree.");
        Trial = trial;
        Monitor = monitor;
    }

    /// <summary>Reports <paramref name="metric"/> (default <c>val_loss</c>) with the mode the study's direction implies.</summary>
    public PruningCallback(Trial trial, string metric = "val_loss")
        : this(trial, new MetricMonitor(metric, trial.Direction == StudyDirection.Minimize ? MonitorMode.Min : MonitorMode.Max))
    {
    }

    /// <summary>The trial that receives the reports.</summary>
    public Trial Trial { get; }

    /// <summary>The metric reported, shared with early stopping where there is one.</summary>
    public MetricMonitor Monitor { get; }

    /// <summary>True once the pruner stopped the fit.</summary>
    public bool Pruned { get; private set; }

    /// <summary>The step at which the pruner stopped the fit, or null.</summary>
    public long? PrunedAtStep { get; private set; }

    /// <summary>
    /// Adds a pruning callback for <paramref name="metric"/> to <paramref name="trainer"/>, sharing the
    /// monitor of its first <see cref="EarlyStopping"/> callback on that metric when it has one.
    /// </summary>
    public static PruningCallback Attach(Trainer trainer, Trial trial, string metric = "val_loss")
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var shared = trainer.Callbacks.OfType<EarlyStopping>().FirstOrDefault(e => e.Monitor.Metric == metric)?.Monitor;
        var callback = shared is null ? new PruningCallback(trial, metric) : new PruningCallback(trial, shared);
        trainer.Callbacks.Add(callback);
        return callback;
    }

    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context)
    {
        Pruned = false;
        PrunedAtStep = null;
    }

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row)
    {
        if (!row.Metrics.TryGetValue(Monitor.Metric, out float value))
            throw new InvalidOperationException($"Pruning monitors '{Monitor.Metric}', which the history does not record; it has {string.Join(", ", row.Metrics.Keys)} (is there a validation split?)");
        if (context.Step > int.MaxValue)
            throw new InvalidOperationException($"Step {context.Step} is too large to report to a trial (at most {int.MaxValue}).");
        Trial.Report((int)context.Step, value);
        if (Pruned || !Trial.ShouldPrune()) return;
        Pruned = true;
        PrunedAtStep = context.Step;
        context.RequestStop($"pruned: trial {Trial.Number}'s {Monitor.Metric} {value:G5} at step {context.Step} is not promising");
    }
}
