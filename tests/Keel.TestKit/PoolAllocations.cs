using Keel.Tensors;

namespace Keel.TestKit;

/// <summary>Counts buffer-pool allocations of a repeated step on a thread of its own, so that only its rents count.</summary>
public static class PoolAllocations
{
    /// <summary>
    /// On a new thread, runs <paramref name="setup"/> and then the step it returns
    /// <paramref name="warmUp"/> + <paramref name="measured"/> times; returns how many buffers the
    /// pool allocated up to the end of the warm-up, and during the measured steps.
    /// </summary>
    public static (long WarmUp, long Measured) Count(Func<Action> setup, int warmUp, int measured)
    {
        long afterWarmUp = -1, atEnd = -1;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var step = setup();
                for (int i = 0; i < warmUp; i++) step();
                afterWarmUp = BufferPool.AllocationsOnThisThread;
                for (int i = 0; i < measured; i++) step();
                atEnd = BufferPool.AllocationsOnThisThread;
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the measured step failed", failure);
        return (afterWarmUp, atEnd - afterWarmUp);
    }
}
