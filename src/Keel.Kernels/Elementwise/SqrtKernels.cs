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
    {
        Lengths.Check("SqrtBackward", y.Length, dy.Length, dx.Length);
        for (int i = 0; i < y.Length; i++) dx[i] += dy[i] / (2f * y[i]);
    }
}
