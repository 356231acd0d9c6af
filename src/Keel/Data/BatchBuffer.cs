using Keel.Tensors;

namespace Keel.Data;

/// <summary>Feature and target tensors for batches of one size, allocated once and refilled by gathering rows.</summary>
internal sealed class BatchBuffer : IDisposable
{
    private readonly Dataset _dataset;
    private readonly Tensor _features;
    private readonly Tensor _targets;

    public BatchBuffer(Dataset dataset, int size)
    {
        _dataset = dataset;
        _features = Tensor.Pooled(Dataset.WithCount(dataset.Features.Shape, size), clear: false);
        _targets = Tensor.Pooled(Dataset.WithCount(dataset.Targets.Shape, size), clear: false);
    }

    /// <summary>The examples at <paramref name="indices"/> (as many as this buffer holds), copied into the reused tensors.</summary>
    public Batch Fill(ReadOnlySpan<int> indices)
    {
        Dataset.Gather(_dataset.Features, indices, _features.Data);
        Dataset.Gather(_dataset.Targets, indices, _targets.Data);
        return new Batch(_features, _targets);
    }

    /// <summary>Returns the two tensors' buffers to the pool.</summary>
    public void Dispose()
    {
        _features.Dispose();
        _targets.Dispose();
    }

    /// <summary>Checks a batch size against a dataset, naming both.</summary>
    public static void Validate(Dataset dataset, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"batch size must be at least 1, got {batchSize}");
        if (dataset.Count == 0) throw new ArgumentException("cannot draw batches from an empty dataset", nameof(dataset));
    }
}
