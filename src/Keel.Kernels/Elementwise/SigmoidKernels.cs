using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The logistic sigmoid and its derivative.</summary>
public static class SigmoidKernels
{
    /// <summary><c>y[i] = 1 / (1 + exp(−x[i]))</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("SigmoidForward", x.Length, y.Length);
        if (x.Length > 0) TensorPrimitives.Sigmoid(x, y); // TensorPrimitives rejects empty spans here alone
    }

    /// <summary>Sigmoid backward from its output, accumulating: <c>dx[i] += dy[i] · y[i] · (1 − y[i])</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("SigmoidBackward", default(Rule), y, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float y, float dy) => dy * y * (1f - y);

        public Vector<float> Vector(Vector<float> y, Vector<float> dy) => dy * y * (Vector<float>.One - y);
    }
}
