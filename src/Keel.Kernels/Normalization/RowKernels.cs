using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Keel.Kernels.Normalization;

/// <summary>
/// The per-row loops of <see cref="BatchNormKernels"/>, each fused into one pass over a row's channels
/// (a chain of span operations would walk the row once per operation and pay a call each time).
/// </summary>
/// <remarks>
/// Vector lanes and the scalar tail do the same separate multiplies and adds in the same order (no
/// fused multiply-add), so a channel's result does not depend on where it falls in the row.
/// </remarks>
internal static class RowKernels
{
    /// <summary><c>y[c] = (x[c] − mean[c]) · scale[c] + shift[c]</c>.</summary>
    public static void Normalize(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> scale,
        ReadOnlySpan<float> shift, Span<float> y)
    {
        ref float xs = ref MemoryMarshal.GetReference(x), ms = ref MemoryMarshal.GetReference(mean);
        ref float ss = ref MemoryMarshal.GetReference(scale), bs = ref MemoryMarshal.GetReference(shift);
        ref float ys = ref MemoryMarshal.GetReference(y);
        nuint n = (nuint)x.Length, i = 0;
        for (nuint width = (nuint)Vector<float>.Count; i + width <= n; i += width)
        {
            var value = (Vector.LoadUnsafe(ref xs, i) - Vector.LoadUnsafe(ref ms, i)) * Vector.LoadUnsafe(ref ss, i)
                + Vector.LoadUnsafe(ref bs, i);
            value.StoreUnsafe(ref ys, i);
        }
        for (; i < n; i++) Unsafe.Add(ref ys, i) = (Unsafe.Add(ref xs, i) - Unsafe.Add(ref ms, i)) * Unsafe.Add(ref ss, i) + Unsafe.Add(ref bs, i);
    }

    /// <summary><c>variance[c] += (x[c] − mean[c])²</c>.</summary>
    public static void AccumulateSquaredDeviation(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, Span<float> variance)
    {
        ref float xs = ref MemoryMarshal.GetReference(x), ms = ref MemoryMarshal.GetReference(mean);
        ref float vs = ref MemoryMarshal.GetReference(variance);
        nuint n = (nuint)x.Length, i = 0;
        for (nuint width = (nuint)Vector<float>.Count; i + width <= n; i += width)
        {
            var centered = Vector.LoadUnsafe(ref xs, i) - Vector.LoadUnsafe(ref ms, i);
            (centered * centered + Vector.LoadUnsafe(ref vs, i)).StoreUnsafe(ref vs, i);
        }
        for (; i < n; i++)
        {
            float centered = Unsafe.Add(ref xs, i) - Unsafe.Add(ref ms, i);
            Unsafe.Add(ref vs, i) = centered * centered + Unsafe.Add(ref vs, i);
        }
    }

    /// <summary>With <c>x̂ = (x − mean) · invStd</c>: <c>sumDy[c] += dy[c]</c>, <c>sumDyXhat[c] += dy[c] · x̂[c]</c>.</summary>
    public static void AccumulateSums(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> mean,
        ReadOnlySpan<float> invStd, Span<float> sumDy, Span<float> sumDyXhat)
    {
        ref float xs = ref MemoryMarshal.GetReference(x), dys = ref MemoryMarshal.GetReference(dy);
        ref float ms = ref MemoryMarshal.GetReference(mean), inv = ref MemoryMarshal.GetReference(invStd);
        ref float sd = ref MemoryMarshal.GetReference(sumDy), sdx = ref MemoryMarshal.GetReference(sumDyXhat);
        nuint n = (nuint)x.Length, i = 0;
        for (nuint width = (nuint)Vector<float>.Count; i + width <= n; i += width)
        {
            var d = Vector.LoadUnsafe(ref dys, i);
            var xhat = (Vector.LoadUnsafe(ref xs, i) - Vector.LoadUnsafe(ref ms, i)) * Vector.LoadUnsafe(ref inv, i);
            (Vector.LoadUnsafe(ref sd, i) + d).StoreUnsafe(ref sd, i);
            (d * xhat + Vector.LoadUnsafe(ref sdx, i)).StoreUnsafe(ref sdx, i);
        }
        for (; i < n; i++)
        {
            float d = Unsafe.Add(ref dys, i);
            float xhat = (Unsafe.Add(ref xs, i) - Unsafe.Add(ref ms, i)) * Unsafe.Add(ref inv, i);
            Unsafe.Add(ref sd, i) += d;
            Unsafe.Add(ref sdx, i) = d * xhat + Unsafe.Add(ref sdx, i);
        }
    }

    /// <summary>
    /// <c>dx[c] += g[c] · scale[c]</c>, or <c>dx[c] = g[c] · scale[c]</c> when not <paramref name="accumulate"/>,
    /// with <c>g = dy − x̂ · meanDyXhat − meanDy</c> and <c>x̂ = (x − mean) · invStd</c>.
    /// </summary>
    public static void InputGradient(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> mean,
        ReadOnlySpan<float> invStd, ReadOnlySpan<float> meanDy, ReadOnlySpan<float> meanDyXhat, ReadOnlySpan<float> scale,
        Span<float> dx, bool accumulate)
    {
        ref float xs = ref MemoryMarshal.GetReference(x), dys = ref MemoryMarshal.GetReference(dy);
        ref float ms = ref MemoryMarshal.GetReference(mean), inv = ref MemoryMarshal.GetReference(invStd);
        ref float md = ref MemoryMarshal.GetReference(meanDy), mdx = ref MemoryMarshal.GetReference(meanDyXhat);
        ref float ss = ref MemoryMarshal.GetReference(scale), dxs = ref MemoryMarshal.GetReference(dx);
        nuint n = (nuint)x.Length, i = 0;
        for (nuint width = (nuint)Vector<float>.Count; i + width <= n; i += width)
        {
            var xhat = (Vector.LoadUnsafe(ref xs, i) - Vector.LoadUnsafe(ref ms, i)) * Vector.LoadUnsafe(ref inv, i);
            var g = (Vector.LoadUnsafe(ref dys, i) - xhat * Vector.LoadUnsafe(ref mdx, i) - Vector.LoadUnsafe(ref md, i)) * Vector.LoadUnsafe(ref ss, i);
            if (accumulate) g += Vector.LoadUnsafe(ref dxs, i);
            g.StoreUnsafe(ref dxs, i);
        }
        for (; i < n; i++)
        {
            float xhat = (Unsafe.Add(ref xs, i) - Unsafe.Add(ref ms, i)) * Unsafe.Add(ref inv, i);
            float g = (Unsafe.Add(ref dys, i) - xhat * Unsafe.Add(ref mdx, i) - Unsafe.Add(ref md, i)) * Unsafe.Add(ref ss, i);
            Unsafe.Add(ref dxs, i) = accumulate ? g + Unsafe.Add(ref dxs, i) : g;
        }
    }
}
