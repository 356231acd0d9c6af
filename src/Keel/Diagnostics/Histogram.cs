namespace Keel.Diagnostics;

/// <summary>
/// Counts of values in equal-width bins over <c>[Min, Max]</c>: bin <c>i</c> holds the values in
/// <c>[Min + i·w, Min + (i+1)·w)</c> with <c>w = (Max − Min) / Counts.Length</c>, the last bin also
/// holding <c>Max</c>. Non-finite values are left out.
/// </summary>
/// <param name="Min">Lower edge of the first bin.</param>
/// <param name="Max">Upper edge of the last bin.</param>
/// <param name="Counts">Values per bin.</param>
public sealed record Histogram(float Min, float Max, int[] Counts)
{
    /// <summary>Default number of bins, enough for a smooth curve on a chart.</summary>
    public const int DefaultBins = 50;

    /// <summary>The histogram of <paramref name="values"/> over <c>[min, max]</c> (values outside are clamped into the end bins).</summary>
    public static Histogram Of(ReadOnlySpan<float> values, float min, float max, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(max > min)) max = min + 1e-6f;
        var counts = new int[bins];
        double scale = bins / ((double)max - min);
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) continue;
            int i = (int)((v - (double)min) * scale);
            counts[Math.Clamp(i, 0, bins - 1)]++;
        }
        return new Histogram(min, max, counts);
    }

    /// <summary>The histogram over the finite range of <paramref name="values"/>, made symmetric about 0 when they straddle it.</summary>
    public static Histogram Of(ReadOnlySpan<float> values, int bins = DefaultBins)
    {
        var (min, max) = Statistics.FiniteRange(values);
        if (min < 0 && max > 0) (min, max) = (-Math.Max(-min, max), Math.Max(-min, max));
        return Of(values, min, max, bins);
    }

    /// <summary>Bin centres and the fraction of values in each bin divided by the bin width (a density).</summary>
    public (double X, double Y)[] Density()
    {
        long total = 0;
        foreach (int c in Counts) total += c;
        double width = ((double)Max - Min) / Counts.Length;
        var points = new (double, double)[Counts.Length];
        for (int i = 0; i < Counts.Length; i++)
            points[i] = (Min + (i + 0.5) * width, total == 0 ? 0 : Counts[i] / (total * width));
        return points;
    }
}
