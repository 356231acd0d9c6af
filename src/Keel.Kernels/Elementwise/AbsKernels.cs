using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The absolute value and its derivative.</summary>
public static class AbsKernels
{
    /// <summary><c>y[i] = |x[i]|</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("AbsForward", x.Length, y.Length);
        TensorPrimitives.Abs(x, y);
    }

    /// <summary>Abs backward, accumulating: <c>dx[i] += dy[i] · sign(x[i])</c>, with sign(0) = 0 as PyTorch.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Lengths.Check("AbsBackward", x.Length, dy.Length, dx.Length);
        for (int i = 0; i < x.Length; i++) dx[i] += x[i] > 0f ? dy[i] : x[i] < 0f ? -dy[i] : 0f;
    }
}
