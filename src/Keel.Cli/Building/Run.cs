using Keel.Cli.Config;
using Keel.Data;
using Keel.Nn;
using Keel.Tensors;
using Keel.Training;

namespace Keel.Cli.Building;

/// <summary>Everything a config describes, built and ready to train.</summary>
internal sealed class Run
{
    public required ConfigNode Config { get; init; }

    public required RunData Data { get; init; }

    public required Module Model { get; init; }

    public required Trainer Trainer { get; init; }

    /// <summary>Steps to train in total (from <c>train.steps</c>, or epochs times batches per epoch).</summary>
    public required long Steps { get; init; }

    /// <summary>Batch size; 0 means the whole training split in order.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Whether batches are shuffled epochs rather than random draws.</summary>
    public required bool ByEpochs { get; init; }

    /// <summary>Names to sample at the end, for character data.</summary>
    public required int SampleCount { get; init; }

    /// <summary>Seed of the run.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The training batches the config asks for: the whole split in order, shuffled epochs, or random draws.</summary>
    public IBatchSource TrainingBatches()
    {
        var train = Data.Split.Train;
        var generator = new Generator(Seed + 1);
        if (BatchSize == 0) return new FullBatches(train);
        return ByEpochs ? new EpochBatches(train, BatchSize, generator) : new RandomBatches(train, BatchSize, generator);
    }

    /// <summary>The validation split, or null when it is empty.</summary>
    public Dataset? Validation => Data.Split.Validation.Count > 0 ? Data.Split.Validation : null;

    /// <summary>Loss (and accuracy) on each split in eval mode, the step count and the wall time: a run's <c>metrics.json</c>.</summary>
    public Dictionary<string, object> FinalMetrics(double seconds)
    {
        var metrics = new Dictionary<string, object> { ["steps"] = Trainer.Step, ["wall_seconds"] = Math.Round(seconds, 3) };
        foreach (var (name, data) in new[] { ("train", Data.Split.Train), ("validation", Data.Split.Validation), ("test", Data.Split.Test) })
        {
            if (data.Count == 0) continue;
            var result = Trainer.Evaluate(data);
            metrics[$"{name}_loss"] = result.Loss;
            if (result.Accuracy is { } accuracy) metrics[$"{name}_accuracy"] = accuracy;
        }
        return metrics;
    }
}
