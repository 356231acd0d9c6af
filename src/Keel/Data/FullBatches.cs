namespace Keel.Data;

/// <summary>
/// The whole dataset as one batch, in order, every step (full-batch gradient descent;
/// <c>batch_size: full</c> in a config). The batch is the dataset's own tensors, not a copy.
/// </summary>
public sealed class FullBatches : IBatchSource
{
    private readonly Dataset _dataset;
    private long _drawn;

    /// <summary>Full batches of <paramref name="dataset"/>.</summary>
    public FullBatches(Dataset dataset)
    {
        BatchBuffer.Validate(dataset, batchSize: 1);
        _dataset = dataset;
    }

    /// <inheritdoc />
    public Batch Next()
    {
        _drawn++;
        return new Batch(_dataset.Features, _dataset.Targets);
    }

    /// <inheritdoc />
    public BatcherState GetState() => new(Generator: null, _drawn, Epoch: _drawn, Position: 0, EpochSeed: 0);

    /// <inheritdoc />
    public void SetState(BatcherState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _drawn = state.BatchesDrawn;
    }
}
