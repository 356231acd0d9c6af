using System.CommandLine;
using Keel.Cli.Config;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary>
/// The <c>keel</c> root command. A user's mistake (a malformed config, a missing file, a shape that
/// does not fit) ends with one line on standard error and exit code 2; no stack trace.
/// </summary>
public static class KeelCommand
{
    /// <summary>Exit code for a user's mistake.</summary>
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = new RootCommand("Keel: train neural networks that stay stable.");
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
        });
        foreach (var command in Commands(console)) root.Subcommands.Add(command);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"keel: {parsed.Errors[0].Message}");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUsersMistake(e))
        {
            error.WriteLine($"keel: {ConfigNode.UserMessage(e)}");
            return UsageError;
        }
        catch (Keel.Stability.NonFiniteException e)
        {
            error.WriteLine($"keel: training stopped: {ConfigNode.UserMessage(e)}");
            return 1;
        }
    }

    /// <summary>Errors that come from the user's input rather than from a defect in Keel.</summary>
    public static bool IsUsersMistake(Exception e) => e is ConfigException or FileNotFoundException
        or DirectoryNotFoundException or InvalidDataException or FormatException or ArgumentException
        or UnauthorizedAccessException;

    private static IEnumerable<Command> Commands(IAnsiConsole console) =>
    [
        TrainCommand.Create(console),
        SampleCommand.Create(console),
        ReportCommand.Create(console),
        DiagnoseCommand.Create(console),
        TuneCommand.Create(console),
    ];
}
