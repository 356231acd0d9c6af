namespace Keel.TestKit;

/// <summary>Special functions in double precision for reference formulas, computed independently of the library's.</summary>
public static class SpecialFunctions
{
    /// <summary>
    /// The error function: its Maclaurin series for |x| &lt; 4 (cancellation there stays below 1e-9),
    /// and the asymptotic expansion of erfc beyond (whose first omitted term is below 1e-11 there).
    /// </summary>
    public static double Erf(double x)
    {
        double a = Math.Abs(x);
        if (a >= 4)
        {
            double inv = 1 / (2 * a * a);
            double erfc = Math.Exp(-a * a) / (a * Math.Sqrt(Math.PI)) * (1 - inv + 3 * inv * inv - 15 * inv * inv * inv + 105 * inv * inv * inv * inv);
            return Math.Sign(x) * (1 - erfc);
        }
        double term = x, sum = x;
        for (int n = 1; n < 200 && Math.Abs(term) > 1e-17; n++)
        {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
