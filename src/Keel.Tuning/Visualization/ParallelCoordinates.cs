using System.Globalization;
using System.Text;

namespace Keel.Tuning.Visualization;

/// <summary>
/// A parallel-coordinates chart: one vertical axis per parameter and a last one for the objective;
/// each complete trial is a polyline through its values, coloured from dark (best) to light (worst).
/// </summary>
internal static class ParallelCoordinates
{
    private const int Top = 34, Bottom = 30, Height = 320, Gap = 150, Margin = 70;

    public static string Render(IReadOnlyList<FrozenTrial> trials, StudyDirection direction, string metric)
    {
        var complete = StudyCharts.CompleteTrials(trials);
        var names = StudyCharts.ParameterNames(complete);
        if (complete.Count == 0) return "<p>No complete trial yet.</p>";
        var axes = names.Select(n => Axis.Of(complete.First(t => t.Params.ContainsKey(n)).Distributions[n])).Append(Axis.Fit(complete.Select(t => t.Value!.Value))).ToList();
        var labels = names.Append(metric).ToList();
        int width = 2 * Margin + Gap * (axes.Count - 1);
        var svg = new StringBuilder(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Inv($"<text x=\"{width / 2}\" y=\"15\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">Parallel coordinates</text>"));

        var ranked = direction == StudyDirection.Minimize ? complete.OrderByDescending(t => t.Value) : complete.OrderBy(t => t.Value);
        int count = complete.Count, rank = 0;
        foreach (var t in ranked) // worst first, so the best lines are drawn on top
        {
            double shade = count == 1 ? 1 : (double)rank++ / (count - 1);
            var points = labels.Select((label, i) => i == names.Count ? t.Value : t.Params.TryGetValue(label, out double p) ? p : (double?)null)
                .Select((v, i) => v is { } value ? Inv($"{X(i):F1},{Y(axes[i], value):F1}") : null).Where(p => p is not null);
            svg.Append(Inv($"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{Color(shade)}\" stroke-width=\"{1 + shade:F1}\" stroke-opacity=\"0.8\"><title>trial {t.Number}: {StudyCharts.Format(t.Value)}</title></polyline>"));
        }
        for (int i = 0; i < axes.Count; i++)
        {
            svg.Append(Inv($"<line x1=\"{X(i)}\" x2=\"{X(i)}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"))
               .Append(Inv($"<text x=\"{X(i)}\" y=\"{Height - 10}\" text-anchor=\"middle\" font-weight=\"bold\">{Svg.Escape(labels[i])}</text>"));
            foreach (var (value, label) in axes[i].Ticks())
                svg.Append(Inv($"<text x=\"{X(i) + 4}\" y=\"{Y(axes[i], value) + 4:F1}\" fill=\"#555\">{Svg.Escape(label)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static double X(int axis) => Margin + axis * Gap;

    private static double Y(Axis axis, double value) => Height - Bottom - Math.Clamp(axis.Fraction(value), 0, 1) * (Height - Top - Bottom);

    /// <summary>From light blue (<paramref name="shade"/> 0, worst) to dark blue (1, best).</summary>
    private static string Color(double shade) => Inv($"rgb({(int)(200 - 180 * shade)},{(int)(220 - 150 * shade)},{(int)(250 - 90 * shade)})");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
