using System.Text.Json;
using System.Xml.Linq;
using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary><c>keel train</c>'s diagnostics, <c>keel report</c> and <c>keel diagnose</c>.</summary>
public sealed class DiagnosticsCommandTests
{
    private static string TrainRun(TempFolder folder, string name, Func<string, string>? edit = null)
    {
        var run = folder.File(name);
        var (code, _, error) = CliRun.Invoke("train", CliRun.WriteConfig(folder, edit), "--out", run);
        Assert.True(code == 0, error);
        return run;
    }

    [Fact]
    public void Train_writes_diagnostics_charts_and_the_report_and_diagnose_prints_them()
    {
        using var folder = new TempFolder();
        var run = TrainRun(folder, "run", yaml => yaml + "\ndiagnostics: {every: 5}\n");
        var lines = File.ReadAllLines(Path.Combine(run, "diagnostics.jsonl"));
        Assert.Equal(1 + 8 + 4, lines.Length); // header, probes at steps 0, 5, …, 35, four evaluations
        foreach (var svg in new[] { "loss.svg", "update_ratio.svg", "activations_start.svg", "saturation.svg" })
            Assert.Equal("svg", XDocument.Load(Path.Combine(run, svg)).Root!.Name.LocalName);
        Assert.Contains("<h2>Health</h2>", File.ReadAllText(Path.Combine(run, "report.html")), StringComparison.Ordinal);

        var (code, output, _) = CliRun.Invoke("diagnose", run);
        Assert.Equal(0, code);
        Assert.Contains("healthy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_json_lists_each_finding_with_kind_severity_layer_evidence_and_fix()
    {
        using var folder = new TempFolder();
        // Weights from N(0, 5²) saturate the tanh layer and start with a loss far above ln 27.
        var run = TrainRun(folder, "run", yaml => yaml
            .Replace("- linear: {out: 16, bias: false}\n  - batchnorm1d: {}", "- linear: {out: 16, init: {normal: {std: 5.0}}}", StringComparison.Ordinal)
            .Replace("- linear: {out: 27}", "- linear: {out: 27, init: {normal: {std: 5.0}}}", StringComparison.Ordinal));
        var (code, output, error) = CliRun.Invoke("diagnose", run, "--json");
        Assert.True(code == 0, error);
        var findings = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        var saturation = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "saturation");
        Assert.Equal("critical", saturation.GetProperty("severity").GetString());
        Assert.Equal("layers.3", saturation.GetProperty("layer").GetString());
        Assert.Contains("%", saturation.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("kaiming_normal", saturation.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "initial_loss");

        var (tableCode, table, _) = CliRun.Invoke("diagnose", run);
        Assert.Equal(0, tableCode);
        Assert.Contains("initial_loss", table, StringComparison.Ordinal);
        Assert.Contains("critical", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_regenerates_the_charts_and_overlays_compared_runs()
    {
        using var folder = new TempFolder();
        var first = TrainRun(folder, "first");
        var second = TrainRun(folder, "second", yaml => yaml.Replace("lr: 0.1", "lr: 0.02", StringComparison.Ordinal));
        File.Delete(Path.Combine(first, "loss.svg"));
        var (code, output, error) = CliRun.Invoke("report", first, "--compare", second);
        Assert.True(code == 0, error);
        Assert.Contains("report.html", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(first, "loss.svg")));
        var compare = XDocument.Load(Path.Combine(first, "compare_loss.svg"));
        var legend = compare.Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value).ToList();
        Assert.Contains("first val", legend);
        Assert.Contains("second val", legend);
    }

    [Fact]
    public void Mistakes_end_with_one_line_and_exit_code_2()
    {
        using var folder = new TempFolder();
        var (code, _, error) = CliRun.Invoke("diagnose", folder.File("missing"));
        Assert.Equal(2, code);
        Assert.Equal($"keel: run folder not found: {folder.File("missing")}", error.Trim());

        var off = TrainRun(folder, "off", yaml => yaml + "\ndiagnostics: {every: 0}\n");
        Assert.False(File.Exists(Path.Combine(off, "diagnostics.jsonl")));
        (code, _, error) = CliRun.Invoke("report", off);
        Assert.Equal(2, code);
        Assert.StartsWith($"keel: {Path.Combine(off, "diagnostics.jsonl")} not found", error, StringComparison.Ordinal);

        (code, _, error) = CliRun.Invoke("train", CliRun.WriteConfig(folder, yaml => yaml + "\ndiagnostics: {every: -3}\n"), "--out", folder.File("bad"));
        Assert.Equal(2, code);
        Assert.Contains("diagnostics.every: must be ≥ 0", error, StringComparison.Ordinal);
        (code, _, error) = CliRun.Invoke("train", CliRun.WriteConfig(folder, yaml => yaml + "\ndiagnostics: {evry: 3}\n"), "--out", folder.File("bad"));
        Assert.Equal(2, code);
        Assert.Contains("unknown key 'diagnostics.evry'", error, StringComparison.Ordinal);
    }
}
