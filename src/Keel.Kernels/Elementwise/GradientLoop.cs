using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Keel.Kernels.Threading;

namespace Keel.Kernels.Elementwise;

/// <summary>A backward rule <c>g(a, dy)</c> per element, in scalar and in vector form (the two must agree bit for bit).</summary>
internal interface IGradientRule
{
    /// <summary><c>g(a, dy)</c> for one element.</summary>
    float Scalar(float a, float dy);

    /// <summary><c>g(a, dy)</c> lane by lane.</summary>
    Vector<float> Vector(Vector<float> a, Vector<float> dy);
}

/// <summary>The vectorized loop of the elementwise backward kernels: <c>dx[i] += g(a[i], dy[i])</c>.</summary>
internal static class GradientLoop
{
    /// <summary>Checks the lengths, then accumulates <paramref name="rule"/> over whole vectors and a scalar tail.</summary>
    public static void Accumulate<TRule>(string kernel, TRule rule, ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx)
        where TRule : struct, IGradientRule
        => Apply(kernel, rule, a, dy, dx, accumulate: true);

    /// <summary>
    /// Like <see cref="Accumulate"/> but overwriting: <c>dx[i] = g(a[i], dy[i])</c>, for a gradient
    /// written for the first time (no buffer to clear first).
    /// </summary>
    public static void Assign<TRule>(string kernel, TRule rule, ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx)
        where TRule : struct, IGradientRule
        => Apply(kernel, rule, a, dy, dx, accumulate: false);

    private static void Apply<TRule>(string kernel, TRule rule, ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
        where TRule : struct, IGradientRule
    {
        Lengths.Check(kernel, a.Length, dy.Length, dx.Length);
        int chunks = ParallelChunks.ChunksFor(a.Length);
        if (chunks > 1) ApplyInChunks(rule, a, dy, dx, accumulate, chunks);
        else ApplyRange(rule, a, dy, dx, accumulate);
    }

    // Apart from Apply so that the closure is only allocated when threads are used.
    private static unsafe void ApplyInChunks<TRule>(TRule rule, ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate, int chunks)
        where TRule : struct, IGradientRule
    {
        // Vector lanes and the scalar tail agree bit for bit, so the split changes nothing.
        fixed (float* pa = a, pdy = dy, pdx = dx)
        {
            nint aAt = (nint)pa, dyAt = (nint)pdy, dxAt = (nint)pdx;
            ParallelChunks.Run(a.Length, chunks, (start, end) => ApplyRange(rule,
                new ReadOnlySpan<float>((float*)aAt + start, end - start), new ReadOnlySpan<float>((float*)dyAt + start, end - start),
                new Span<float>((float*)dxAt + start, end - start), accumulate));
        }
    }

    private static void ApplyRange<TRule>(TRule rule, ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx, bool accumulate)
        where TRule : struct, IGradientRule
    {
        // Loads and stores through refs rather than span slices: the JIT turns these into plain
        // vector instructions, where slicing in the loop cost a call per element block.
        ref float aRef = ref MemoryMarshal.GetReference(a);
        ref float dyRef = ref MemoryMarshal.GetReference(dy);
        ref float dxRef = ref MemoryMarshal.GetReference(dx);
        nuint length = (nuint)a.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (nuint width = (nuint)Vector<float>.Count; i + width <= length; i += width)
            {
                var value = rule.Vector(Vector.LoadUnsafe(ref aRef, i), Vector.LoadUnsafe(ref dyRef, i));
                if (accumulate) value = Vector.LoadUnsafe(ref dxRef, i) + value;
                value.StoreUnsafe(ref dxRef, i);
            }
        }
        for (; i < length; i++)
        {
            float value = rule.Scalar(Unsafe.Add(ref aRef, i), Unsafe.Add(ref dyRef, i));
            Unsafe.Add(ref dxRef, i) = accumulate ? Unsafe.Add(ref dxRef, i) + value : value;
        }
    }
}
