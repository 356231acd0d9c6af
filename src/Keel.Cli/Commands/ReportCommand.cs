using System.CommandLine;
using Keel.Cli.Output;
using Keel.Diagnostics;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel report RUN_DIR [--compare RUN_DIR …]</c>: regenerates a run's charts and <c>report.html</c> from its <c>diagnostics.jsonl</c>.</summary>
internal static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var runDirectory = new Argument<DirectoryInfo>("run") { Description = "A run folder written by keel train with diagnostics on." };
        var compare = new Option<DirectoryInfo[]>("--compare") { Description = "Other run folders whose loss curves to overlay.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("report", "Write a run's charts and report.html from its diagnostics.") { runDirectory, compare };
        command.SetAction(parsed => Execute(parsed.GetValue(runDirectory)!.FullName, [.. (parsed.GetValue(compare) ?? []).Select(d => d.FullName)], console));
        return command;
    }

    public static int Execute(string runDirectory, IReadOnlyList<string> compare, IAnsiConsole console)
    {
        var folder = Open(runDirectory);
        var log = DiagnosticsLog.Load(folder.Diagnostics);
        var others = compare.Select(c => (Path.GetFileName(Open(c).Path), DiagnosticsLog.Load(Open(c).Diagnostics))).ToList();
        var report = DiagnosticsOutput.WriteReport(folder, log, others);
        console.MarkupLine($"[bold]keel report[/] → {Markup.Escape(folder.Report)}");
        DiagnosticsOutput.Print(console, report);
        return 0;
    }

    /// <summary>An existing run folder, or a clear error.</summary>
    public static RunFolder Open(string runDirectory)
        => Directory.Exists(runDirectory) ? new RunFolder(runDirectory) : throw new DirectoryNotFoundException($"run folder not found: {runDirectory}");
}
