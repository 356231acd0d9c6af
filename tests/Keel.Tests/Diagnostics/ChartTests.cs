using System.Xml.Linq;
using Keel.Diagnostics;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Diagnostics;

public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_chart_of_a_run_is_well_formed_svg_with_its_lines()
    {
        var log = PathologicalRuns.Train(PathologicalRuns.Healthy(new Generator(8)), lr: 0.1f, steps: 60, every: 10);
        var charts = RunCharts.For(log);
        Assert.Equal(["loss.svg", "learning_rate.svg", "grad_norm.svg", "update_ratio.svg", "activations_start.svg", "activations_end.svg",
            "activation_gradients.svg", "weight_gradients.svg", "saturation.svg"], charts.Select(c => c.FileName));
        foreach (var chart in charts)
        {
            var document = XDocument.Parse(chart.Svg);
            Assert.Equal(Svg + "svg", document.Root!.Name);
            Assert.True(document.Descendants(Svg + "polyline").Any(), $"{chart.FileName} draws no line");
        }
        // The update ratio chart has one line per weight (the embedding and three linear layers) and the 1e-3 reference.
        var update = XDocument.Parse(charts.Single(c => c.FileName == "update_ratio.svg").Svg);
        Assert.Equal(4, update.Descendants(Svg + "polyline").Count());
        Assert.Contains(update.Descendants(Svg + "text"), t => t.Value == "1e-3");
    }

    [Fact]
    public void Non_finite_points_break_the_line_and_text_is_escaped()
    {
        var chart = new SvgLineChart { Title = "a < b & \"c\"", LogY = true };
        chart.Series.Add(new ChartSeries("x<y", [(0, 1), (1, 10), (2, double.NaN), (3, 100), (4, 1000), (5, 0)]));
        var document = XDocument.Parse(chart.ToSvg());
        Assert.Equal(2, document.Descendants(Svg + "polyline").Count());
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "a < b & \"c\"");
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "1e3");
    }

    [Fact]
    public void The_report_writes_each_chart_and_a_self_contained_page()
    {
        var log = PathologicalRuns.Train(PathologicalRuns.WeightsFarTooLarge(new Generator(2)), lr: 0.1f, steps: 40, every: 10);
        using var folder = new TempFolder();
        var report = HealthReport.Diagnose(log);
        var written = DiagnosticsReport.Write(folder.Path, "too-large", log, report, [("other", log)]);
        Assert.Equal(11, written.Count);
        foreach (var svg in written.Where(p => p.EndsWith(".svg", StringComparison.Ordinal))) XDocument.Load(svg);
        var html = File.ReadAllText(folder.File("report.html"));
        Assert.Contains("<td>saturation</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>initial_loss</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(10, html.Split("<svg ").Length - 1);
    }
}
