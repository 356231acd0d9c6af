using System.Net;
using System.Text;

namespace Keel.Diagnostics;

/// <summary>
/// One self-contained HTML page for a run: the health report as a table, then every chart inline
/// as SVG. No scripts, no stylesheets or fonts from elsewhere: it opens offline in any browser.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page for a run called <paramref name="title"/>.</summary>
    public static string Render(string title, HealthReport report, IEnumerable<Chart> charts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{Encode(title)} — Keel training report</title>\n");
        html.Append("""
            <style>
            body { font-family: sans-serif; margin: 24px; color: #222; background: #fafafa; }
            table { border-collapse: collapse; margin: 12px 0 24px; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #eee; }
            .critical { background: #f8d7da; } .warning { background: #fff3cd; } .info { background: #e7f1ff; }
            .healthy { color: #1a7f37; font-weight: bold; } .unhealthy { color: #b42318; font-weight: bold; }
            figure { display: inline-block; margin: 8px; background: white; border: 1px solid #ddd; }
            figcaption { max-width: 640px; padding: 4px 8px; font-size: 13px; }
            </style>

            """);
        html.Append("</head>\n<body>\n");
        html.Append($"<h1>Training report: {Encode(title)}</h1>\n<h2>Health</h2>\n");
        html.Append($"<p class=\"{(report.IsHealthy ? "healthy" : "unhealthy")}\">{Encode(report.Summary)}</p>\n");
        if (report.Findings.Count > 0)
        {
            html.Append("<table>\n<tr><th>severity</th><th>kind</th><th>layer</th><th>evidence</th><th>fix</th></tr>\n");
            foreach (var f in report.Findings)
            {
                string severity = Names.Of(f.Severity);
                html.Append($"<tr class=\"{severity}\"><td>{severity}</td><td>{Names.Of(f.Kind)}</td><td>{Encode(f.Layer ?? "—")}</td>");
                html.Append($"<td>{Encode(f.Evidence)}</td><td>{Encode(f.Fix)}</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("<h2>Charts</h2>\n");
        foreach (var chart in charts)
            html.Append($"<figure>\n{chart.Svg}<figcaption>{Encode(chart.Caption)}</figcaption>\n</figure>\n");
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
