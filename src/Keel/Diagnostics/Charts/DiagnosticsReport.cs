using Keel.Serialization;

namespace Keel.Diagnostics;

/// <summary>Writes a run's charts (one SVG file each) and <c>report.html</c> into its folder.</summary>
public static class DiagnosticsReport
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    /// <summary>
    /// Writes every chart of <paramref name="log"/> and the page into <paramref name="directory"/>,
    /// each file atomically, with a loss comparison when <paramref name="compare"/> names other runs.
    /// Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, string title, DiagnosticsLog log, HealthReport report,
        IReadOnlyList<(string Name, DiagnosticsLog Log)>? compare = null)
    {
        var charts = RunCharts.For(log).ToList();
        if (compare is { Count: > 0 }) charts.Insert(0, ComparisonChart.Loss([(title, log), .. compare]));
        var written = new List<string>();
        foreach (var chart in charts)
        {
            var path = Path.Combine(directory, chart.FileName);
            AtomicFile.WriteAllText(path, chart.Svg);
            written.Add(path);
        }
        var page = Path.Combine(directory, FileName);
        AtomicFile.WriteAllText(page, HtmlReport.Render(title, report, charts));
        written.Add(page);
        return written;
    }
}
