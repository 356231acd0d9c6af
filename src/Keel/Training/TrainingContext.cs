using Keel.Optim;

namespace Keel.Training;

/// <summary>What a callback may see and do during a fit: the step, the optimizer, the model's weights, and stopping.</summary>
public sealed class TrainingContext
{
    private readonly Trainer _trainer;

    internal TrainingContext(Trainer trainer) => _trainer = trainer;

    /// <summary>Optimizer steps taken so far.</summary>
    public long Step => _trainer.Step;

    /// <summary>The optimizer (callbacks such as reduce-on-plateau change its learning rate).</summary>
    public IOptimizer Optimizer => _trainer.Optimizer;

    /// <summary>Whether the trainer sets the learning rate from a schedule at every step.</summary>
    public bool HasSchedule => _trainer.Schedule is not null;

    /// <summary>The factor the trainer applies to the schedule's value (see <see cref="Trainer.LearningRateScale"/>).</summary>
    public float LearningRateScale
    {
        get => _trainer.LearningRateScale;
        set => _trainer.LearningRateScale = value;
    }

    /// <summary>The metrics recorded so far.</summary>
    public TrainingHistory History => _trainer.History;

    /// <summary>True once a callback asked training to stop.</summary>
    public bool StopRequested => _trainer.History.StopReason is not null;

    /// <summary>Asks the trainer to stop after the current step; the reason goes into the history.</summary>
    public void RequestStop(string reason) => _trainer.History.StopReason ??= reason;

    /// <summary>A copy of the model's parameters and buffers.</summary>
    public WeightsSnapshot CaptureWeights() => WeightsSnapshot.Capture(_trainer.Model, Step);

    /// <summary>Writes a full, resumable checkpoint of the trainer (see <see cref="Checkpoints.Checkpoint"/>).</summary>
    public void SaveCheckpoint(string path) => _trainer.SaveCheckpoint(path);

    /// <summary>The model's parameters and buffers by name.</summary>
    public IReadOnlyDictionary<string, Keel.Tensors.Tensor> ModelState() => _trainer.Model.StateDict();

    /// <summary>Puts a captured copy back into the model.</summary>
    public void RestoreWeights(WeightsSnapshot snapshot) => snapshot.RestoreInto(_trainer.Model);
}
