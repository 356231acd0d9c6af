using System.CommandLine;
using Keel.Cli.Output;
using Keel.Diagnostics;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel diagnose RUN_DIR [--json]</c>: the health report of a run, as a table or as JSON findings.</summary>
internal static class DiagnoseCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var runDirectory = new Argument<DirectoryInfo>("run") { Description = "A run folder written by keel train with diagnostics on." };
        var json = new Option<bool>("--json") { Description = "Print the findings as JSON (kind, severity, layer, evidence, fix)." };
        var command = new Command("diagnose", "Print a run's health report: what is wrong, the numbers, and the setting that fixes it.") { runDirectory, json };
        command.SetAction(parsed => Execute(parsed.GetValue(runDirectory)!.FullName, parsed.GetValue(json), console, parsed.InvocationConfiguration.Output));
        return command;
    }

    public static int Execute(string runDirectory, bool json, IAnsiConsole console, TextWriter output)
    {
        var folder = ReportCommand.Open(runDirectory);
        var report = HealthReport.Diagnose(DiagnosticsLog.Load(folder.Diagnostics));
        if (json) output.WriteLine(DiagnosticsOutput.ToJson(report));
        else DiagnosticsOutput.Print(console, report);
        return 0;
    }
}
