using System.Runtime.CompilerServices;

namespace Keel.Kernels.Gemm;

/// <summary>
/// Per-thread scratch for packed panels: grown on demand, reused by every later call on the same
/// thread, 64-byte aligned so panel rows line up with cache lines and 512-bit loads.
/// </summary>
/// <remarks>
/// The arrays live on the pinned object heap, so the pointers stay valid without <c>fixed</c>.
/// Thread-static storage means concurrent products on different threads never share a buffer.
/// </remarks>
internal static unsafe class PackBuffers
{
    private const int Alignment = 64;

    [ThreadStatic] private static float[]? t_a;
    [ThreadStatic] private static float[]? t_b;
    [ThreadStatic] private static float[]? t_c;

    /// <summary>Scratch of at least <paramref name="length"/> floats for packed A.</summary>
    public static float* ForA(long length) => Get(ref t_a, length);

    /// <summary>Scratch of at least <paramref name="length"/> floats for packed B.</summary>
    public static float* ForB(long length) => Get(ref t_b, length);

    /// <summary>Scratch of at least <paramref name="length"/> floats for a transposed result.</summary>
    public static float* ForC(long length) => Get(ref t_c, length);

    private static float* Get(ref float[]? buffer, long length)
    {
        long needed = length + Alignment / sizeof(float);
        if (buffer is null || buffer.Length < needed)
        {
            buffer = GC.AllocateUninitializedArray<float>(checked((int)Math.Max(needed, 4096)), pinned: true);
        }
        nint address = (nint)Unsafe.AsPointer(ref buffer[0]);
        return (float*)((address + Alignment - 1) & ~(nint)(Alignment - 1));
    }
}
