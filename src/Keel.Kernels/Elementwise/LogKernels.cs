using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The natural logarithm and its derivative.</summary>
public static class LogKernels
{
    /// <summary><c>y[i] = ln(x[i])</c> (NaN below 0, −∞ at 0, as PyTorch).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("LogForward", x.Length, y.Length);
        TensorPrimitives.Log(x, y);
    }

    /// <summary>Log backward from its input, accumulating: <c>dx[i] += dy[i] / x[i]</c>.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("LogBackward", default(Rule), x, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float x, float dy) => dy / x;

        public Vector<float> Vector(Vector<float> x, Vector<float> dy) => dy / x;
    }
}
