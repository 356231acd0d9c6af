using System.Numerics;
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
        => GradientLoop.Accumulate("ClampBackward", new Rule(min, max), x, dy, dx);

    private readonly struct Rule(float min, float max) : IGradientRule
    {
        public float Scalar(float x, float dy) => x >= min && x <= max ? dy : 0f;

        public Vector<float> Vector(Vector<float> x, Vector<float> dy)
        {
            var inside = System.Numerics.Vector.GreaterThanOrEqual(x, new Vector<float>(min)) & System.Numerics.Vector.LessThanOrEqual(x, new Vector<float>(max));
            return System.Numerics.Vector.ConditionalSelect(inside, dy, Vector<float>.Zero);
        }
    }
}
