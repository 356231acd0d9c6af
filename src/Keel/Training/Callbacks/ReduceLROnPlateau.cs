using Keel.Optim;
using Keel.Training.Checkpoints;

namespace Keel.Training.Callbacks;

/// <summary>
/// Lowers the learning rate when a monitored metric stops improving, applying
/// <see cref="ReduceOnPlateau"/>'s rule (PyTorch's <c>ReduceLROnPlateau</c>) after each evaluation.
/// </summary>
/// <remarks>
/// Without a schedule the optimizer's rate is changed directly. With one, the trainer's
/// <see cref="Trainer.LearningRateScale"/> is multiplied instead, so the reduction composes with
/// the schedule rather than being overwritten at the next step (Keras refuses the combination).
/// </remarks>
public sealed class ReduceLROnPlateau(string monitor, ReduceOnPlateau rule) : ITrainingCallback, ICheckpointable
{
    /// <summary>The monitored history metric (<c>val_loss</c>).</summary>
    public string Monitor { get; } = monitor;

    /// <summary>The plateau rule and its state.</summary>
    public ReduceOnPlateau Rule { get; } = rule;

    /// <inheritdoc />
    public string CheckpointKey => "reduce_lr_on_plateau";

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row)
    {
        if (!row.Metrics.TryGetValue(Monitor, out var value))
            throw new InvalidOperationException($"ReduceLROnPlateau monitors '{Monitor}', which the history does not record; it has {string.Join(", ", row.Metrics.Keys)}");
        float current = context.Optimizer.LearningRate;
        float reduced = Rule.Update(value, current);
        if (reduced == current) return;
        if (context.HasSchedule) context.LearningRateScale *= reduced / current;
        context.Optimizer.LearningRate = reduced;
    }

    /// <inheritdoc />
    public void SaveState(CheckpointState state)
    {
        state.Set("best", Rule.Best);
        state.Set("bad_checks", Rule.BadChecks);
        state.Set("cooldown_counter", Rule.CooldownCounter);
    }

    /// <inheritdoc />
    public void LoadState(CheckpointState state)
    {
        Rule.Best = state.GetDouble("best");
        Rule.BadChecks = (int)state.GetLong("bad_checks");
        Rule.CooldownCounter = (int)state.GetLong("cooldown_counter");
    }
}
