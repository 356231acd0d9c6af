using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>Clamping to an interval, and its derivative.</summary>
public static class ClampKernels
{
    /// <summary>
    /// <c>y[i] = min(max(x[i], lo), hi)</c>, as <c>torch.clamp</c>: when lo &gt; hi every value
    /// becomes hi, and NaN stays NaN. Pass ±∞ for a missing bound.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, float min, float max, Span<float> y)
    {
        Lengths.Check("ClampForward", x.Length, y.Length);
        TensorPrimitives.Max(x, min, y);
        TensorPrimitives.Min(y, max, y);
    }

    /// <summary>Clamp backward, accumulating: <c>dx[i] += dy[i]</c> where <c>lo ≤ x[i] ≤ hi</c> (edges included, as PyTorch), else nothing.</summary>
    public static void Backward(ReadOnlySpan<float> x, float min, float max, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Lengths.Check("ClampBackward", x.Length, dy.Length, dx.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] >= min && x[i] <= max) dx[i] += dy[i];
        }
    }
}
