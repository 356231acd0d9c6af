namespace Keel.TestKit;

/// <summary>Special functions in double precision for reference formulas, computed independently of the library's.</summary>
public static class SpecialFunctions
{
    /// <summary>
    /// The error function: its Maclaurin series for |x| &lt; 2.5 (cancellation there stays below
    /// 1e-13), and beyond, erfc by its continued fraction <c>e^(−x²)/√π · 1/(x + ½/(x + 1/(x + (3/2)/(x + …))))</c>
    /// evaluated from 80 terms deep.
    /// </summary>
    public static double Erf(double x)
    {
        double a = Math.Abs(x);
        if (a >= 2.5)
        {
            double k = a;
            for (int n = 80; n >= 1; n--) k = a + n / 2.0 / k;
            return Math.Sign(x) * (1 - Math.Exp(-a * a) / Math.Sqrt(Math.PI) / k);
        }
        double term = x, sum = x;
        for (int n = 1; n < 200 && Math.Abs(term) > 1e-17; n++)
        {
            term *= -x * x / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    /// <summary>The standard normal CDF <c>Φ(x) = ½ (1 + erf(x / √2))</c>.</summary>
    public static double NormalCdf(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>The standard normal density <c>φ(x) = e^(−x²/2) / √(2π)</c>.</summary>
    public static double NormalPdf(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
}
