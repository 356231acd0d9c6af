using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Minibatches that pass over every example once per epoch, in a new random order each epoch, like
/// a PyTorch <c>DataLoader(shuffle=True)</c> or Keras' <c>fit(shuffle=True)</c>.
/// </summary>
/// <remarks>
/// At the start of each epoch a 64-bit seed is drawn from the generator and the identity order
/// <c>0…N−1</c> is shuffled (Fisher–Yates) by a generator with that seed, so the epoch can be
/// rebuilt from the state alone. The last batch of an epoch holds the remaining <c>N mod B</c>
/// examples, or is dropped when <c>dropLast</c> (PyTorch's <c>drop_last</c>). With
/// <c>shuffle: false</c> every epoch goes in file order. Full and partial batches each fill their
/// own reused tensors.
/// </remarks>
public sealed class EpochBatches : IBatchSource, IDisposable
{
    private readonly Dataset _dataset;
    private readonly Generator _generator;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly int _limit;
    private readonly int[] _order;
    private readonly BatchBuffer _full;
    private BatchBuffer? _partial;
    private long _drawn;
    private long _epoch;
    private int _position;
    private ulong _epochSeed;

    /// <summary>Epochs over <paramref name="dataset"/> in batches of <paramref name="batchSize"/>, shuffled with <paramref name="generator"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="dropLast"/> is set and the dataset is smaller than one batch.</exception>
    public EpochBatches(Dataset dataset, int batchSize, Generator generator, bool dropLast = false, bool shuffle = true)
    {
        BatchBuffer.Validate(dataset, batchSize);
        ArgumentNullException.ThrowIfNull(generator);
        if (dropLast && dataset.Count < batchSize)
            throw new ArgumentException($"with dropLast, {dataset.Count} examples give no batch of {batchSize}", nameof(dropLast));
        _dataset = dataset;
        _generator = generator;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _limit = dropLast ? dataset.Count - dataset.Count % batchSize : dataset.Count;
        _order = new int[dataset.Count];
        _full = new BatchBuffer(dataset, Math.Min(batchSize, dataset.Count));
    }

    /// <summary>The current epoch, counted from 1 (0 before the first batch).</summary>
    public long Epoch => _epoch;

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => (_limit + _batchSize - 1) / _batchSize;

    /// <inheritdoc />
    public Batch Next()
    {
        if (_epoch == 0 || _position >= _limit)
        {
            _epochSeed = _generator.NextUInt64();
            _epoch++;
            _position = 0;
            BuildOrder();
        }
        int take = Math.Min(_batchSize, _limit - _position);
        var buffer = take == _batchSize || take == _dataset.Count ? _full : (_partial ??= new BatchBuffer(_dataset, take));
        var batch = buffer.Fill(_order.AsSpan(_position, take));
        _position += take;
        _drawn++;
        return batch;
    }

    /// <inheritdoc />
    public BatcherState GetState() => new(_generator.GetState(), _drawn, _epoch, _position, _epochSeed);

    /// <inheritdoc />
    public void SetState(BatcherState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Position < 0 || state.Position > _limit)
            throw new ArgumentException($"position {state.Position} is outside an epoch of {_limit} examples", nameof(state));
        _generator.SetState(state.Generator ?? throw new ArgumentException("epoch batches need a generator state", nameof(state)));
        (_drawn, _epoch, _position, _epochSeed) = (state.BatchesDrawn, state.Epoch, state.Position, state.EpochSeed);
        if (_epoch > 0) BuildOrder();
    }

    /// <summary>Returns the batch tensors' buffers to the pool; the source is unusable after.</summary>
    public void Dispose()
    {
        _full.Dispose();
        _partial?.Dispose();
    }

    private void BuildOrder()
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        if (_shuffle) new Generator(_epochSeed).Shuffle(_order.AsSpan());
    }
}
