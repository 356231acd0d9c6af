namespace Keel.Diagnostics;

/// <summary>
/// Tick positions for a chart axis: "nice" steps of 1, 2 or 5 times a power of ten for a linear
/// axis (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990), whole powers of ten for a
/// logarithmic one.
/// </summary>
internal static class AxisTicks
{
    /// <summary>The range widened to whole ticks, and the ticks, for about <paramref name="count"/> intervals.</summary>
    public static (double Min, double Max, double[] Ticks) Linear(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            double pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1;
            (min, max) = (min - pad, max + pad);
        }
        double step = Nice((max - min) / count);
        double low = Math.Floor(min / step) * step, high = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (double t = low; t <= high + step * 0.5; t += step) ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        return (low, high, [.. ticks]);
    }

    /// <summary>Ticks at whole powers of ten spanning [log10 min, log10 max] (the inputs are already log10).</summary>
    public static (double Min, double Max, double[] Ticks) Decades(double logMin, double logMax)
    {
        double low = Math.Floor(logMin), high = Math.Ceiling(logMax);
        if (high <= low) high = low + 1;
        int stride = Math.Max(1, (int)Math.Ceiling((high - low) / 8));
        var ticks = new List<double>();
        for (double t = low; t <= high; t += stride) ticks.Add(t);
        return (low, high, [.. ticks]);
    }

    private static double Nice(double raw)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}
