using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>A power with a constant exponent, and its derivative.</summary>
public static class PowKernels
{
    /// <summary><c>y[i] = x[i]^p</c> (NaN for a negative base and a fractional p, as PyTorch).</summary>
    public static void Forward(ReadOnlySpan<float> x, float exponent, Span<float> y)
    {
        Lengths.Check("PowForward", x.Length, y.Length);
        if (exponent == 2f) TensorPrimitives.Multiply(x, x, y);
        else TensorPrimitives.Pow(x, exponent, y);
    }

    /// <summary>Pow backward, accumulating: <c>dx[i] += dy[i] · p · x[i]^(p − 1)</c>, and 0 when p = 0 (as PyTorch).</summary>
    public static void Backward(ReadOnlySpan<float> x, float exponent, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Lengths.Check("PowBackward", x.Length, dy.Length, dx.Length);
        if (exponent == 0f) return;
        for (int i = 0; i < x.Length; i++) dx[i] += dy[i] * exponent * MathF.Pow(x[i], exponent - 1f);
    }
}
