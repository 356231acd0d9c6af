using System.Globalization;
using System.Text;

namespace Keel.Tuning.Visualization;

/// <summary>A scatter and line chart as inline SVG: a frame with ticked axes, dots with tooltips, and paths.</summary>
internal sealed class SvgPlot(string title, Axis x, Axis y, string xLabel, string yLabel, int width = 440, int height = 280)
{
    private const int Left = 62, Right = 14, Top = 28, Bottom = 44;
    private readonly StringBuilder _marks = new();

    /// <summary>Dots at the given points, each with a tooltip.</summary>
    public SvgPlot Dots(IEnumerable<(double X, double Y, string Tip)> points, string color, double radius = 3.5, double opacity = 0.85)
    {
        foreach (var (px, py, tip) in points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)))
            _marks.Append(Inv($"<circle cx=\"{X(px):F1}\" cy=\"{Y(py):F1}\" r=\"{radius}\" fill=\"{color}\" fill-opacity=\"{opacity}\"><title>{Svg.Escape(tip)}</title></circle>"));
        return this;
    }

    /// <summary>A polyline through the points in order (as steps when <paramref name="steps"/>).</summary>
    public SvgPlot Line(IEnumerable<(double X, double Y)> points, string color, double strokeWidth = 1.5, double opacity = 1, bool steps = false, string? tip = null)
    {
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (finite.Count == 0) return this;
        var d = new StringBuilder(Inv($"M{X(finite[0].X):F1},{Y(finite[0].Y):F1}"));
        for (int i = 1; i < finite.Count; i++)
        {
            if (steps) d.Append(Inv($" H{X(finite[i].X):F1}"));
            d.Append(Inv($" L{X(finite[i].X):F1},{Y(finite[i].Y):F1}"));
        }
        _marks.Append(Inv($"<path d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{strokeWidth}\" stroke-opacity=\"{opacity}\">"))
            .Append(tip is null ? "" : $"<title>{Svg.Escape(tip)}</title>").Append("</path>");
        return this;
    }

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element.</summary>
    public string Render()
    {
        var svg = new StringBuilder(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append(Inv($"<text x=\"{width / 2}\" y=\"17\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Svg.Escape(title)}</text>"));
        svg.Append(Inv($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width - Left - Right}\" height=\"{height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#999\"/>"));
        foreach (var (value, label) in x.Ticks())
            svg.Append(Inv($"<line x1=\"{X(value):F1}\" x2=\"{X(value):F1}\" y1=\"{height - Bottom}\" y2=\"{height - Bottom + 4}\" stroke=\"#999\"/><text x=\"{X(value):F1}\" y=\"{height - Bottom + 15}\" text-anchor=\"middle\">{Svg.Escape(label)}</text>"));
        foreach (var (value, label) in y.Ticks())
            svg.Append(Inv($"<line x1=\"{Left - 4}\" x2=\"{width - Right}\" y1=\"{Y(value):F1}\" y2=\"{Y(value):F1}\" stroke=\"#e4e4e4\"/><text x=\"{Left - 6}\" y=\"{Y(value) + 4:F1}\" text-anchor=\"end\">{Svg.Escape(label)}</text>"));
        svg.Append(Inv($"<text x=\"{(Left + width - Right) / 2}\" y=\"{height - 8}\" text-anchor=\"middle\">{Svg.Escape(xLabel)}</text>"));
        svg.Append(Inv($"<text transform=\"translate(13,{(Top + height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Svg.Escape(yLabel)}</text>"));
        return svg.Append(_marks).Append("</svg>").ToString();
    }

    private double X(double value) => Left + Math.Clamp(x.Fraction(value), -0.02, 1.02) * (width - Left - Right);

    private double Y(double value) => height - Bottom - Math.Clamp(y.Fraction(value), -0.02, 1.02) * (height - Top - Bottom);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
