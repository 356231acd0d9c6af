using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The exponential and its derivative.</summary>
public static class ExpKernels
{
    /// <summary><c>y[i] = exp(x[i])</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("ExpForward", x.Length, y.Length);
        TensorPrimitives.Exp(x, y);
    }

    /// <summary>Exp backward from its output, accumulating: <c>dx[i] += dy[i] · y[i]</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Lengths.Check("ExpBackward", y.Length, dy.Length, dx.Length);
        TensorPrimitives.MultiplyAdd(dy, y, dx, dx);
    }
}
