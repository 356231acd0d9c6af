using System.Text.Json;
using Keel.Diagnostics;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>A run's health report and charts, written into its folder and shown in the terminal.</summary>
internal static class DiagnosticsOutput
{
    /// <summary>Diagnoses <paramref name="log"/> and writes the charts and <c>report.html</c> into <paramref name="folder"/>.</summary>
    public static HealthReport WriteReport(RunFolder folder, DiagnosticsLog log, IReadOnlyList<(string Name, DiagnosticsLog Log)>? compare = null)
    {
        var report = HealthReport.Diagnose(log);
        DiagnosticsReport.Write(folder.Path, Path.GetFileName(folder.Path), log, report, compare);
        return report;
    }

    /// <summary>The verdict, then the findings as a table (severity, kind, layer, evidence, fix).</summary>
    public static void Print(IAnsiConsole console, HealthReport report)
    {
        console.MarkupLine(report.IsHealthy ? $"[green]{Markup.Escape(report.Summary)}[/]" : $"[red]{Markup.Escape(report.Summary)}[/]");
        if (report.Findings.Count == 0) return;
        var table = new Table().AddColumn("severity").AddColumn("kind").AddColumn("layer").AddColumn("evidence").AddColumn("fix");
        foreach (var f in report.Findings)
        {
            string colour = f.Severity switch { Severity.Critical => "red", Severity.Warning => "yellow", _ => "blue" };
            table.AddRow($"[{colour}]{Names.Of(f.Severity)}[/]", Names.Of(f.Kind), Markup.Escape(f.Layer ?? "-"), Markup.Escape(f.Evidence), Markup.Escape(f.Fix));
        }
        console.Write(table);
    }

    /// <summary>The findings as a JSON array of objects with kind, severity, layer, evidence and fix.</summary>
    public static string ToJson(HealthReport report)
        => JsonSerializer.Serialize(report.Findings.Select(f => new FindingJson(Names.Of(f.Kind), Names.Of(f.Severity), f.Layer, f.Evidence, f.Fix)),
            new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

    private sealed record FindingJson(string Kind, string Severity, string? Layer, string Evidence, string Fix);
}
