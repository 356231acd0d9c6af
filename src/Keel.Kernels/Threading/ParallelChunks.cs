namespace Keel.Kernels.Threading;

/// <summary>
/// Splits an elementwise loop over <c>[0, length)</c> into one contiguous chunk per thread of
/// <see cref="KernelThreads.Count"/>, when the loop is long enough to repay waking the threads.
/// </summary>
/// <remarks>
/// Chunk boundaries are multiples of <see cref="Alignment"/> elements, so every element outside the
/// last chunk's tail goes through the same vector code as in a single-threaded loop; the kernels
/// that use this also give their scalar tails the vector lanes' exact arithmetic. Results are
/// therefore bit-identical for any thread count.
/// </remarks>
internal static class ParallelChunks
{
    /// <summary>Elements per thread below which a loop stays on the calling thread (about 30 µs of simple work).</summary>
    public const int MinPerThread = 1 << 16;

    /// <summary>Chunk boundaries fall on multiples of this many elements (a whole 512-bit vector, a cache line of floats).</summary>
    public const int Alignment = 16;

    /// <summary>How many chunks a loop of <paramref name="length"/> elements is worth splitting into (1: run it inline).</summary>
    public static int ChunksFor(long length)
    {
        int threads = KernelThreads.Count;
        if (threads <= 1 || length < 2L * MinPerThread) return 1;
        return (int)Math.Min(threads, length / MinPerThread);
    }

    /// <summary>Chunk <paramref name="index"/> of <paramref name="chunks"/> over <c>[0, length)</c>.</summary>
    public static (int Start, int End) Chunk(int index, int chunks, int length)
    {
        int units = (length + Alignment - 1) / Alignment;
        int start = (int)Math.Min((long)units * index / chunks * Alignment, length);
        int end = (int)Math.Min((long)units * (index + 1) / chunks * Alignment, length);
        return (start, end);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over each chunk, on up to <paramref name="chunks"/>
    /// threads (the caller included), and returns when all are done.
    /// </summary>
    public static void Run(int length, int chunks, Action<int, int> body)
    {
        if (chunks <= 1)
        {
            body(0, length);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, index =>
        {
            var (start, end) = Chunk(index, chunks, length);
            if (start < end) body(start, end);
        });
    }
}
