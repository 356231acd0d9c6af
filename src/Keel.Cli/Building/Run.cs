using Keel.Cli.Config;
using Keel.Nn;
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
}
