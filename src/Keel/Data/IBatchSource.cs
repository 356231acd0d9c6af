namespace Keel.Data;

/// <summary>An endless sequence of minibatches over a dataset, whose position can be saved and restored.</summary>
public interface IBatchSource
{
    /// <summary>The next batch; its tensors are reused by the following call.</summary>
    Batch Next();

    /// <summary>The source's position and random state, for a checkpoint.</summary>
    BatcherState GetState();

    /// <summary>Restores a position taken by <see cref="GetState"/>; the batches then repeat exactly.</summary>
    void SetState(BatcherState state);
}
