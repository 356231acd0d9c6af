namespace Keel.Diagnostics;

/// <summary>
/// Summary statistics of a span, accumulated in double: the mean, the population standard deviation
/// <c>√(Σ(x − mean)² / n)</c> (numpy's <c>std</c>; PyTorch's <c>std()</c> divides by n − 1, which
/// differs by under 0.1 % for the sizes probed here) and the L2 norm <c>√Σx²</c>.
/// A non-finite value makes every result non-finite, so it cannot hide in an average.
/// </summary>
public static class Statistics
{
    /// <summary>The mean, population standard deviation and L2 norm of <paramref name="values"/> (0 for an empty span).</summary>
    public static (float Mean, float Std, float Norm) Moments(ReadOnlySpan<float> values)
    {
        if (values.IsEmpty) return (0, 0, 0);
        double sum = 0, squares = 0;
        foreach (float v in values)
        {
            sum += v;
            squares += (double)v * v;
        }
        double mean = sum / values.Length;
        double centred = 0;
        foreach (float v in values) centred += (v - mean) * (v - mean);
        return ((float)mean, (float)Math.Sqrt(centred / values.Length), (float)Math.Sqrt(squares));
    }

    /// <summary>The smallest and largest finite values ((0, 0) when there are none).</summary>
    public static (float Min, float Max) FiniteRange(ReadOnlySpan<float> values)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) continue;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return min > max ? (0, 0) : (min, max);
    }

    /// <summary>The median of <paramref name="values"/> (NaN when empty); NaN sorts first, as <see cref="double.CompareTo(double)"/> orders it.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
