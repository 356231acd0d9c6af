using System.Globalization;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Visualization;

/// <summary>A chart axis: maps a data value to a fraction of the axis length, and gives its ticks.</summary>
/// <param name="Min">The value at the start of the axis.</param>
/// <param name="Max">The value at the end of the axis.</param>
/// <param name="Log">Whether the axis is logarithmic (needs <c>Min &gt; 0</c>).</param>
/// <param name="Categories">Labels of a categorical axis, whose values are the indices 0, 1, ….</param>
internal sealed record Axis(double Min, double Max, bool Log = false, IReadOnlyList<string>? Categories = null)
{
    /// <summary>An axis over <paramref name="values"/> with 5 % margins (a unit range around a single value).</summary>
    public static Axis Fit(IEnumerable<double> values, bool log = false)
    {
        var finite = values.Where(v => double.IsFinite(v) && (!log || v > 0)).ToList();
        if (finite.Count == 0) return new Axis(0, 1);
        double lo = finite.Min(), hi = finite.Max();
        if (log) return lo == hi ? new Axis(lo / 2, hi * 2, true) : new Axis(lo / Math.Pow(hi / lo, 0.05), hi * Math.Pow(hi / lo, 0.05), true);
        double pad = lo == hi ? Math.Max(Math.Abs(lo) * 0.1, 0.5) : (hi - lo) * 0.05;
        return new Axis(lo - pad, hi + pad);
    }

    /// <summary>The axis of a parameter: its range (log where the range is), or its choices.</summary>
    public static Axis Of(ParameterDistribution distribution) => distribution switch
    {
        CategoricalDistribution c => new Axis(-0.5, c.Choices.Count - 0.5, Categories: c.Choices),
        FloatDistribution f => f.Low == f.High ? Fit([f.Low], f.Log) : new Axis(f.Low, f.High, f.Log),
        IntDistribution i => i.Low == i.High ? Fit([i.Low], i.Log) : new Axis(i.Low, i.High, i.Log),
        _ => new Axis(0, 1),
    };

    /// <summary>Where <paramref name="value"/> falls, from 0 (<see cref="Min"/>) to 1 (<see cref="Max"/>).</summary>
    public double Fraction(double value) => Max == Min ? 0.5 : (T(value) - T(Min)) / (T(Max) - T(Min));

    /// <summary>About five ticks with labels: the categories, 1-2-5 steps per decade on a log axis, or round numbers.</summary>
    public IReadOnlyList<(double Value, string Label)> Ticks()
    {
        if (Categories is { } labels) return [.. labels.Select((l, i) => ((double)i, l))];
        if (Log && Max / Min >= 2)
        {
            int first = (int)Math.Floor(Math.Log10(Min)), last = (int)Math.Ceiling(Math.Log10(Max));
            double[] multiples = last - first > 2 ? [1] : [1, 2, 5];
            return [.. Enumerable.Range(first, last - first + 1).SelectMany(e => multiples.Select(m => m * Math.Pow(10, e)))
                .Where(v => v >= Min * (1 - 1e-9) && v <= Max * (1 + 1e-9)).Select(v => (v, Label(v)))];
        }
        double span = Max - Min, raw = span / 5, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<(double, string)>();
        for (double v = Math.Ceiling(Min / step) * step; v <= Max + step * 1e-9; v += step)
            ticks.Add((v, Label(Math.Abs(v) < step * 1e-9 ? 0 : v)));
        return ticks;
    }

    /// <summary>Whole numbers as such (20000, not 2E+04); others with four significant digits.</summary>
    private static string Label(double value) => Math.Abs(value) < 1e7 && Math.Abs(value - Math.Round(value)) < 1e-9 * Math.Max(1, Math.Abs(value))
        ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    private double T(double value) => Log ? Math.Log(Math.Max(value, double.Epsilon)) : value;
}
