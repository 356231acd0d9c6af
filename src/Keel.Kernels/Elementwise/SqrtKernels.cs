using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The square root and its derivative.</summary>
public static class SqrtKernels
{
    /// <summary><c>y[i] = √x[i]</c> (NaN below 0).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("SqrtForward", x.Length, y.Length);
        TensorPrimitives.Sqrt(x, y);
    }

    /// <summary>Sqrt backward from its output, accumulating: <c>dx[i] += dy[i] / (2 · y[i])</c> (∞ at 0, as PyTorch).</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("SqrtBackward", default(Rule), y, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float y, float dy) => dy / (2f * y);

        public Vector<float> Vector(Vector<float> y, Vector<float> dy) => dy / (new Vector<float>(2f) * y);
    }
}
