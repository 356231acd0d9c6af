using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The hyperbolic tangent and its derivative.</summary>
public static class TanhKernels
{
    /// <summary><c>y[i] = tanh(x[i])</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y) => TensorPrimitives.Tanh(x, y);

    /// <summary>Tanh backward from its output, accumulating: <c>dx[i] += dy[i] · (1 − y[i]²)</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (y.Length != dy.Length || y.Length != dx.Length)
            throw new ArgumentException($"TanhBackward: lengths {y.Length}, {dy.Length} and {dx.Length} differ");
        for (int i = 0; i < y.Length; i++) dx[i] += dy[i] * (1f - y[i] * y[i]);
    }
}
