using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The hyperbolic tangent and its derivative.</summary>
public static class TanhKernels
{
    /// <summary><c>y[i] = tanh(x[i])</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("TanhForward", x.Length, y.Length);
        TensorPrimitives.Tanh(x, y);
    }

    /// <summary>Tanh backward from its output, accumulating: <c>dx[i] += dy[i] · (1 − y[i]²)</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("TanhBackward", default(Rule), y, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float y, float dy) => dy * (1f - y * y);

        public Vector<float> Vector(Vector<float> y, Vector<float> dy) => dy * (Vector<float>.One - y * y);
    }
}
