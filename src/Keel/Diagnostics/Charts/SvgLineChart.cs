using System.Globalization;
using System.Security;
using System.Text;

namespace Keel.Diagnostics;

/// <summary>
/// A standalone SVG line chart (SVG 1.1, no scripts, no external references): axes with ticks,
/// one polyline per series, optional horizontal reference lines and a legend at the right.
/// With <see cref="LogY"/> the y values are plotted as log10 and labelled as powers of ten.
/// </summary>
public sealed class SvgLineChart
{
    private const double Width = 640, Height = 340, Left = 64, Right = 190, Top = 34, Bottom = 46;

    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The title above the plot.</summary>
    public required string Title { get; init; }

    /// <summary>The x axis label.</summary>
    public string XLabel { get; init; } = "step";

    /// <summary>The y axis label.</summary>
    public string YLabel { get; init; } = "";

    /// <summary>Plot log10(y) with decade ticks; non-positive values are left out.</summary>
    public bool LogY { get; init; }

    /// <summary>The lines, coloured in order.</summary>
    public List<ChartSeries> Series { get; } = [];

    /// <summary>Horizontal reference lines (in data units, before any log).</summary>
    public List<ReferenceLine> References { get; } = [];

    /// <summary>The chart as an SVG document.</summary>
    public string ToSvg()
    {
        var series = Series.Select(s => s.Points.Select(p => (p.X, Y: Transform(p.Y))).ToList()).ToList();
        var points = series.SelectMany(s => s).Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        var references = References.Select(r => (Y: Transform(r.Y), r.Label)).Where(r => double.IsFinite(r.Y)).ToList();
        var ys = points.Select(p => p.Y).Concat(references.Select(r => r.Y)).DefaultIfEmpty(0).ToList();
        var (xMin, xMax, xTicks) = AxisTicks.Linear(points.Select(p => p.X).DefaultIfEmpty(0).Min(), points.Select(p => p.X).DefaultIfEmpty(1).Max());
        var (yMin, yMax, yTicks) = LogY ? AxisTicks.Decades(ys.Min(), ys.Max()) : AxisTicks.Linear(ys.Min(), ys.Max());
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * plotW;
        double Y(double y) => Top + (1 - (y - yMin) / (yMax - yMin)) * plotH;

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{Escape(Title)}</text>\n"));
        foreach (double t in xTicks)
        {
            svg.Append(Invariant($"<line x1=\"{X(t):F1}\" y1=\"{Top}\" x2=\"{X(t):F1}\" y2=\"{Top + plotH}\" stroke=\"#eee\"/>"));
            svg.Append(Invariant($"<text x=\"{X(t):F1}\" y=\"{Top + plotH + 14}\" text-anchor=\"middle\">{Escape(Label(t))}</text>\n"));
        }
        foreach (double t in yTicks)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(t):F1}\" x2=\"{Left + plotW}\" y2=\"{Y(t):F1}\" stroke=\"#eee\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 5}\" y=\"{Y(t) + 4:F1}\" text-anchor=\"end\">{Escape(LogY ? "1e" + Label(t) : Label(t))}</text>\n"));
        }
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#333\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + plotW / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Escape(XLabel)}</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate(14 {Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(YLabel)}</text>\n"));
        foreach (var (y, label) in references)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(y):F1}\" x2=\"{Left + plotW}\" y2=\"{Y(y):F1}\" stroke=\"black\" stroke-dasharray=\"6 4\"/>"));
            svg.Append(Invariant($"<text x=\"{Left + 4}\" y=\"{Y(y) - 4:F1}\">{Escape(label)}</text>\n"));
        }
        for (int i = 0; i < series.Count; i++)
        {
            string colour = Palette[i % Palette.Length], dash = Series[i].Dashed ? " stroke-dasharray=\"4 3\"" : "";
            foreach (var run in Runs(series[i]))
            {
                string coordinates = string.Join(" ", run.Select(p => Invariant($"{X(p.X):F1},{Y(p.Y):F1}")));
                svg.Append(run.Count == 1
                    ? Invariant($"<circle cx=\"{X(run[0].X):F1}\" cy=\"{Y(run[0].Y):F1}\" r=\"2\" fill=\"{colour}\"/>\n")
                    : $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"{dash} points=\"{coordinates}\"/>\n");
            }
            double ly = Top + 8 + i * 16;
            svg.Append(Invariant($"<line x1=\"{Left + plotW + 10}\" y1=\"{ly}\" x2=\"{Left + plotW + 30}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>"));
            svg.Append(Invariant($"<text x=\"{Left + plotW + 35}\" y=\"{ly + 4}\">{Escape(Series[i].Name)}</text>\n"));
        }
        return svg.Append("</svg>\n").ToString();
    }

    private double Transform(double y) => !LogY ? y : y > 0 ? Math.Log10(y) : double.NaN;

    /// <summary>The stretches of consecutive finite points.</summary>
    private static IEnumerable<List<(double X, double Y)>> Runs(List<(double X, double Y)> points)
    {
        var run = new List<(double X, double Y)>();
        foreach (var p in points)
        {
            if (double.IsFinite(p.X) && double.IsFinite(p.Y)) { run.Add(p); continue; }
            if (run.Count > 0) yield return run;
            run = [];
        }
        if (run.Count > 0) yield return run;
    }

    private static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
