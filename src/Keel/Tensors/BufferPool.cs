namespace Keel.Tensors;

/// <summary>
/// Recycles float buffers by exact length, so that a training loop repeated with the same shapes
/// stops allocating after its first iteration.
/// </summary>
/// <remarks>
/// Tensors rent from <see cref="Shared"/>; the graph returns the buffers of intermediate tensors
/// after <see cref="Tensor.Backward"/>. Rented buffers are not cleared unless asked. The pool is a
/// process-wide cache, like <c>ArrayPool&lt;T&gt;.Shared</c>, and is safe to use from any thread.
/// </remarks>
public sealed class BufferPool
{
    private const int MaxBuffersPerLength = 256;
    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly Lock _lock = new();

    [ThreadStatic] private static long t_allocations;

    /// <summary>The pool that tensors use.</summary>
    public static BufferPool Shared { get; } = new();

    /// <summary>How many buffers this thread's rents have had to allocate (they found none free).</summary>
    public static long AllocationsOnThisThread => t_allocations;

    /// <summary>A buffer of exactly <paramref name="length"/> floats, zeroed when <paramref name="clear"/>.</summary>
    public float[] Rent(int length, bool clear)
    {
        if (length == 0) return [];
        float[]? buffer = null;
        lock (_lock)
        {
            if (_free.TryGetValue(length, out var stack) && stack.Count > 0) buffer = stack.Pop();
        }
        if (buffer is null)
        {
            t_allocations++;
            return new float[length];
        }
        if (clear) Array.Clear(buffer);
        return buffer;
    }

    /// <summary>Gives a buffer back. The caller must not touch it afterwards.</summary>
    public void Return(float[] buffer)
    {
        if (buffer.Length == 0) return;
        lock (_lock)
        {
            if (!_free.TryGetValue(buffer.Length, out var stack))
            {
                stack = new Stack<float[]>();
                _free[buffer.Length] = stack;
            }
            if (stack.Count < MaxBuffersPerLength) stack.Push(buffer);
        }
    }
}
