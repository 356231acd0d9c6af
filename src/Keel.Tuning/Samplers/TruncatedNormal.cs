using MathNet.Numerics;

namespace Keel.Tuning.Samplers;

/// <summary>The normal distribution truncated to <c>[low, high]</c>: the truncated log-density is
/// <see cref="LogDensity"/> minus <see cref="LogMass"/> of the bounds; interval masses; draws.</summary>
/// <remarks>
/// Works with standardized bounds <c>z = (x − μ)/σ</c>. <c>log Φ</c> uses the complementary error
/// function, and the asymptotic series <c>−z²/2 − log(−z) − ½ log 2π + log(1 − 1/z² + 3/z⁴)</c>
/// below <c>z = −20</c>, so that masses far in a tail stay finite in log space (as SciPy's
/// <c>log_ndtr</c>, which Optuna's <c>_truncnorm</c> uses).
/// </remarks>
internal static class TruncatedNormal
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary><c>log Φ(z)</c>.</summary>
    public static double LogNdtr(double z)
    {
        if (z < -20)
        {
            double z2 = z * z;
            return -0.5 * z2 - Math.Log(-z) - HalfLogTwoPi + Math.Log(1 - 1 / z2 + 3 / (z2 * z2));
        }
        return Math.Log(0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2)));
    }

    /// <summary><c>log(Φ(b) − Φ(a))</c> for <c>a ≤ b</c>.</summary>
    public static double LogMass(double a, double b)
    {
        if (a > 0) return LogMass(-b, -a);
        double la = LogNdtr(a), lb = LogNdtr(b);
        if (la >= lb) return double.NegativeInfinity;
        double d = la - lb;
        return lb + (d > -0.693 ? Math.Log(-ExpM1(d)) : Math.Log(1 - Math.Exp(d)));
    }

    /// <summary>Log-density of the untruncated N(μ, σ²) at <paramref name="x"/>.</summary>
    public static double LogDensity(double x, double mu, double sigma)
    {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - HalfLogTwoPi - Math.Log(sigma);
    }

    /// <summary>A draw from N(μ, σ²) truncated to <c>[low, high]</c>, by inverting the CDF.</summary>
    public static double Sample(Random random, double mu, double sigma, double low, double high)
    {
        double a = (low - mu) / sigma, b = (high - mu) / sigma;
        bool mirrored = a > 0;
        if (mirrored) (a, b) = (-b, -a);
        double pa = Ndtr(a), pb = Ndtr(b);
        double p = pa + random.NextDouble() * (pb - pa);
        double z = p <= 0 ? a : p >= 1 ? b : -Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * p);
        z = Math.Clamp(z, a, b);
        return Math.Clamp(mu + sigma * (mirrored ? -z : z), low, high);
    }

    private static double Ndtr(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + 0.5 * x * x + x * x * x / 6 : Math.Exp(x) - 1;
}
