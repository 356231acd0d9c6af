namespace Keel.Kernels.Elementwise;

/// <summary>The Gaussian error linear unit (Hendrycks and Gimpel, 2016), exact or tanh-approximated, and its derivative.</summary>
public static class GeluKernels
{
    private const double InvSqrt2 = 0.70710678118654752440, InvSqrt2Pi = 0.39894228040143267794;
    private const double TanhScale = 0.79788456080286535588, Cubic = 0.044715; // √(2/π), PyTorch's constants

    /// <summary>
    /// Exact: <c>y = x · Φ(x) = ½ x (1 + erf(x / √2))</c>. With <paramref name="tanhApproximation"/>:
    /// <c>y = ½ x (1 + tanh(√(2/π) · (x + 0.044715 x³)))</c>. Both as <c>torch.nn.functional.gelu</c>.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, bool tanhApproximation)
    {
        Lengths.Check("GeluForward", x.Length, y.Length);
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(tanhApproximation ? 0.5 * v * (1 + Math.Tanh(TanhScale * (v + Cubic * v * v * v))) : v * Phi(v));
        }
    }

    /// <summary>
    /// GELU backward, accumulating. Exact: <c>dx += dy · (Φ(x) + x · φ(x))</c> with φ the standard
    /// normal density. Tanh form, with <c>t = tanh(√(2/π)(x + 0.044715x³))</c>:
    /// <c>dx += dy · (½(1 + t) + ½ x (1 − t²) √(2/π)(1 + 3 · 0.044715 x²))</c>.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, bool tanhApproximation)
    {
        Lengths.Check("GeluBackward", x.Length, dy.Length, dx.Length);
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i], slope;
            if (tanhApproximation)
            {
                double t = Math.Tanh(TanhScale * (v + Cubic * v * v * v));
                slope = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * TanhScale * (1 + 3 * Cubic * v * v);
            }
            else
            {
                slope = Phi(v) + v * InvSqrt2Pi * Math.Exp(-0.5 * v * v);
            }
            dx[i] += (float)(dy[i] * slope);
        }
    }

    /// <summary>The standard normal CDF <c>Φ(x) = ½ erfc(−x / √2)</c>.</summary>
    private static double Phi(double x)
    {
        double z = -x * InvSqrt2;
        return 0.5 * (z >= 0 ? Erfc(z) : 2 - Erfc(-z));
    }

    /// <summary>
    /// <c>erfc(z)</c> for z ≥ 0 by the Chebyshev fit of Numerical Recipes (§6.2, <c>erfcc</c>), whose
    /// relative error is below 1.2·10⁻⁷ everywhere, so the far negative tail of Φ stays accurate too.
    /// </summary>
    private static double Erfc(double z)
    {
        double t = 1 / (1 + 0.5 * z);
        double p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.Exp(-z * z + p);
    }
}
