namespace Keel.Kernels.Threading;

/// <summary>
/// How many threads the kernels may use on the calling thread, like <c>torch.set_num_threads</c>.
/// </summary>
/// <remarks>
/// The setting is per calling thread (thread-static), so tests and concurrent trainers do not
/// change each other's. Kernels split work over output rows and columns, never over a reduction,
/// so results are bit-identical whatever the count.
/// </remarks>
public static class KernelThreads
{
    [ThreadStatic] private static int t_count;

    /// <summary>The thread count for kernels called from this thread; defaults to the processor count.</summary>
    public static int Count
    {
        get => t_count > 0 ? t_count : Environment.ProcessorCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Count));
            t_count = value;
        }
    }

    /// <summary>Sets <see cref="Count"/> until the returned scope is disposed.</summary>
    public static Scope Use(int count)
    {
        var previous = t_count;
        Count = count;
        return new Scope(previous);
    }

    /// <summary>Restores the previous thread count when disposed.</summary>
    public readonly struct Scope(int previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => t_count = previous;
    }
}
