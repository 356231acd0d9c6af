using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The rectifier and the leaky rectifier, and their derivatives.</summary>
public static class ReluKernels
{
    /// <summary><c>y[i] = max(x[i], 0)</c> (NaN stays NaN).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("ReluForward", x.Length, y.Length);
        TensorPrimitives.Max(x, 0f, y);
    }

    /// <summary>Relu backward, accumulating: <c>dx[i] += x[i] &gt; 0 ? dy[i] : 0</c> (0 at 0, as PyTorch).</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("ReluBackward", default(Rule), x, dy, dx);

    /// <summary><c>y[i] = x[i] &gt; 0 ? x[i] : slope · x[i]</c>.</summary>
    public static void LeakyForward(ReadOnlySpan<float> x, float negativeSlope, Span<float> y)
    {
        Lengths.Check("LeakyReluForward", x.Length, y.Length);
        for (int i = 0; i < x.Length; i++) y[i] = x[i] > 0f ? x[i] : negativeSlope * x[i];
    }

    /// <summary>Leaky relu backward, accumulating: <c>dx[i] += dy[i] · (x[i] &gt; 0 ? 1 : slope)</c> (slope at 0, as PyTorch).</summary>
    public static void LeakyBackward(ReadOnlySpan<float> x, float negativeSlope, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("LeakyReluBackward", new LeakyRule(negativeSlope), x, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float x, float dy) => x > 0f ? dy : 0f;

        public Vector<float> Vector(Vector<float> x, Vector<float> dy)
            => System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(x, Vector<float>.Zero), dy, Vector<float>.Zero);
    }

    private readonly struct LeakyRule(float negativeSlope) : IGradientRule
    {
        public float Scalar(float x, float dy) => x > 0f ? dy : negativeSlope * dy;

        public Vector<float> Vector(Vector<float> x, Vector<float> dy)
            => System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(x, Vector<float>.Zero), dy, new Vector<float>(negativeSlope) * dy);
    }
}
