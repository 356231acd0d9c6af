namespace Keel.Kernels.Elementwise;

/// <summary>The exponential linear unit (ELU, and SELU as a scaled ELU), and its derivative.</summary>
public static class EluKernels
{
    /// <summary><c>y[i] = scale · (x[i] &gt; 0 ? x[i] : α · (exp(x[i]) − 1))</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, float alpha, float scale, Span<float> y)
    {
        Lengths.Check("EluForward", x.Length, y.Length);
        for (int i = 0; i < x.Length; i++) y[i] = scale * (x[i] > 0f ? x[i] : alpha * (MathF.Exp(x[i]) - 1f));
    }

    /// <summary>ELU backward, accumulating: <c>dx[i] += dy[i] · scale · (x[i] &gt; 0 ? 1 : α · exp(x[i]))</c> (α·scale at 0, as PyTorch).</summary>
    public static void Backward(ReadOnlySpan<float> x, float alpha, float scale, ReadOnlySpan<float> dy, Span<float> dx)
    {
        Lengths.Check("EluBackward", x.Length, dy.Length, dx.Length);
        for (int i = 0; i < x.Length; i++) dx[i] += dy[i] * scale * (x[i] > 0f ? 1f : alpha * MathF.Exp(x[i]));
    }
}
