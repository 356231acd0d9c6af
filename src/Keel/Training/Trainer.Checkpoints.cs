using Keel.Data;
using Keel.Nn;
using Keel.Training.Checkpoints;

namespace Keel.Training;

public sealed partial class Trainer
{
    private IBatchSource? _batches;
    private BatcherState? _pendingBatcherState;

    /// <summary>Writes everything needed to resume this run bit for bit (see <see cref="Checkpoint"/>).</summary>
    public void SaveCheckpoint(string path) => Checkpoint.Save(path, this);

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/>; the next fit continues where it stopped.</summary>
    public void LoadCheckpoint(string path) => Checkpoint.Load(path, this);

    /// <summary>The trainer's own state, the callbacks' and the model's random-number generators.</summary>
    internal IEnumerable<ICheckpointable> CheckpointComponents()
    {
        yield return new TrainerState(this);
        foreach (var (name, generator) in ModuleGenerators.Of(Model)) yield return new GeneratorComponent($"rng.{name}", generator);
        int index = 0;
        foreach (var callback in Callbacks)
        {
            if (callback is ICheckpointable component) yield return new Prefixed($"callbacks.{index}", component);
            index++;
        }
    }

    private void AttachBatches(IBatchSource batches)
    {
        _batches = batches;
        if (_pendingBatcherState is { } state) batches.SetState(state);
        _pendingBatcherState = null;
    }

    /// <summary>Step, history, running averages and the batcher's position.</summary>
    private sealed class TrainerState(Trainer trainer) : ICheckpointable
    {
        public string CheckpointKey => "trainer";

        public void SaveState(CheckpointState state)
        {
            state.Set("step", trainer.Step);
            state.Set("history", trainer.History.ToCsv());
            state.Set("loss_since_evaluation", trainer._lossSinceEvaluation);
            state.Set("penalty_since_evaluation", trainer._penaltySinceEvaluation);
            state.Set("steps_since_evaluation", trainer._stepsSinceEvaluation);
            state.Set("learning_rate", trainer.Optimizer.LearningRate);
            state.Set("learning_rate_scale", trainer.LearningRateScale);
            if ((trainer._batches?.GetState() ?? trainer._pendingBatcherState) is not { } batcher) return;
            state.Set("batcher.drawn", batcher.BatchesDrawn);
            state.Set("batcher.epoch", batcher.Epoch);
            state.Set("batcher.position", batcher.Position);
            state.Set("batcher.epoch_seed", batcher.EpochSeed);
            if (batcher.Generator is { } generator) state.SetGenerator("batcher.rng", generator);
        }

        public void LoadState(CheckpointState state)
        {
            trainer.Step = state.GetLong("step");
            trainer.History = TrainingHistory.FromCsv(state.Get("history"));
            trainer._lossSinceEvaluation = state.GetDouble("loss_since_evaluation");
            trainer._penaltySinceEvaluation = state.GetDouble("penalty_since_evaluation");
            trainer._stepsSinceEvaluation = (int)state.GetLong("steps_since_evaluation");
            trainer.Optimizer.LearningRate = (float)state.GetDouble("learning_rate");
            trainer.LearningRateScale = (float)state.GetDouble("learning_rate_scale");
            if (state.GetOrNull("batcher.drawn") is null) return;
            trainer._pendingBatcherState = new BatcherState(
                state.GetOrNull("batcher.rng.s0") is null ? null : state.GetGenerator("batcher.rng"),
                state.GetLong("batcher.drawn"), state.GetLong("batcher.epoch"),
                (int)state.GetLong("batcher.position"), state.GetULong("batcher.epoch_seed"));
        }
    }

    private sealed class GeneratorComponent(string key, Tensors.Generator generator) : ICheckpointable
    {
        public string CheckpointKey => key;

        public void SaveState(CheckpointState state) => state.SetGenerator("state", generator.GetState());

        public void LoadState(CheckpointState state) => generator.SetState(state.GetGenerator("state"));
    }

    private sealed class Prefixed(string key, ICheckpointable inner) : ICheckpointable
    {
        public string CheckpointKey => key;

        public void SaveState(CheckpointState state) => inner.SaveState(state);

        public void LoadState(CheckpointState state) => inner.LoadState(state);
    }
}
