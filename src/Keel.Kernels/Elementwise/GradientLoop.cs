using System.Numerics;

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
    {
        Lengths.Check(kernel, a.Length, dy.Length, dx.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int width = Vector<float>.Count; i <= a.Length - width; i += width)
            {
                var sum = new Vector<float>(dx[i..]) + rule.Vector(new Vector<float>(a[i..]), new Vector<float>(dy[i..]));
                sum.CopyTo(dx[i..]);
            }
        }
        for (; i < a.Length; i++) dx[i] += rule.Scalar(a[i], dy[i]);
    }
}
