using Keel.Tensors;

namespace Keel.TestKit;

/// <summary>Counts the float buffers the <see cref="BufferPool"/> had to allocate for a repeated step.</summary>
public static class Allocations
{
    /// <summary>
    /// Runs <paramref name="step"/> <paramref name="warmUp"/> times, then <paramref name="steps"/>
    /// more, on a thread of its own (so that only these rents are counted), and returns how many new
    /// buffers the later steps allocated: 0 for a steady state that reuses pooled storage.
    /// </summary>
    /// <param name="setUp">Builds the state the step uses, on the same thread.</param>
    /// <param name="step">One iteration, given the state.</param>
    public static long AfterWarmUp<T>(Func<T> setUp, Action<T> step, int warmUp = 5, int steps = 25)
    {
        long allocated = -1;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var state = setUp();
                for (int i = 0; i < warmUp; i++) step(state);
                long before = BufferPool.AllocationsOnThisThread;
                for (int i = 0; i < steps; i++) step(state);
                allocated = BufferPool.AllocationsOnThisThread - before;
            }
            catch (Exception error)
            {
                failure = error;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the measured step failed", failure);
        return allocated;
    }
}
