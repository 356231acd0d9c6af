using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Minibatches of examples drawn uniformly WITH replacement at every step, as makemore does with
/// <c>ix = torch.randint(0, N, (batch_size,))</c>: there are no epochs, and an example may appear
/// twice in one batch.
/// </summary>
/// <remarks>
/// Each index is <see cref="Generator.NextInt"/>(N) from the given generator, so a seed fixes the
/// sequence (it differs from PyTorch's numbers). Batches fill the same two tensors each step, so a
/// steady-state training loop allocates nothing here. Give the source a generator of its own so that
/// its state in a checkpoint is its alone.
/// </remarks>
public sealed class RandomBatches : IBatchSource, IDisposable
{
    private readonly Dataset _dataset;
    private readonly Generator _generator;
    private readonly BatchBuffer _buffer;
    private readonly int[] _indices;
    private long _drawn;

    /// <summary>Batches of <paramref name="batchSize"/> examples of <paramref name="dataset"/>, drawn with <paramref name="generator"/>.</summary>
    public RandomBatches(Dataset dataset, int batchSize, Generator generator)
    {
        BatchBuffer.Validate(dataset, batchSize);
        ArgumentNullException.ThrowIfNull(generator);
        _dataset = dataset;
        _generator = generator;
        _buffer = new BatchBuffer(dataset, batchSize);
        _indices = new int[batchSize];
    }

    /// <inheritdoc />
    public Batch Next()
    {
        for (int i = 0; i < _indices.Length; i++) _indices[i] = _generator.NextInt(_dataset.Count);
        _drawn++;
        return _buffer.Fill(_indices);
    }

    /// <summary>Returns the batch tensors' buffers to the pool; the source is unusable after.</summary>
    public void Dispose() => _buffer.Dispose();

    /// <summary>The indices of the examples in the last batch.</summary>
    public ReadOnlySpan<int> LastIndices => _indices;

    /// <inheritdoc />
    public BatcherState GetState() => new(_generator.GetState(), _drawn, Epoch: 0, Position: 0, EpochSeed: 0);

    /// <inheritdoc />
    public void SetState(BatcherState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _generator.SetState(state.Generator ?? throw new ArgumentException("random batches need a generator state", nameof(state)));
        _drawn = state.BatchesDrawn;
    }
}
