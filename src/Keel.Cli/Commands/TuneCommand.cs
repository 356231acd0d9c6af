using System.CommandLine;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Keel.Cli.Building;
using Keel.Cli.Config;
using Keel.Cli.Output;
using Keel.Serialization;
using Keel.Tuning;
using Keel.Tuning.Storage;
using Keel.Tuning.Visualization;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel tune CONFIG.yaml --trials N [--storage URL] [--study NAME] [--workers K] [--out DIR]</c>.</summary>
/// <remarks>
/// A study over the config's <c>search:</c> block (see <see cref="SearchBlock"/>), set up by its
/// <c>tune:</c> block (see <see cref="StudyBuilder"/>). The output folder receives <c>study.db</c>
/// (the default storage; running the command again on the same folder resumes the study),
/// <c>study.csv</c> and <c>study.html</c> (rewritten whenever trials finish) and one run folder per trial, <c>trials/N</c>. Workers are
/// threads in this process, each trial training on one kernel thread; for several processes or
/// machines, start the command several times on one <c>--storage</c>.
/// </remarks>
internal static class TuneCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var config = new Argument<FileInfo>("config") { Description = "The config, with a search block." };
        var trials = new Option<int>("--trials") { Description = "Trials to run in this call.", Required = true };
        var storage = new Option<string?>("--storage") { Description = "memory, sqlite:///path.db or postgresql://user:pass@host:port/db (default: study.db in the output folder)." };
        var study = new Option<string?>("--study") { Description = "The study's name (default: tune.study, else the config's file name)." };
        var workers = new Option<int>("--workers") { Description = "Trials run at once in this process.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output folder (default runs/<config>-tune-<time>)." };
        var command = new Command("tune", "Search hyperparameters: train one run per trial, with pruning, and report the best.")
            { config, trials, storage, study, workers, output };
        command.SetAction(parsed => Execute(parsed.GetValue(config)!.FullName, parsed.GetValue(trials), parsed.GetValue(storage),
            parsed.GetValue(study), parsed.GetValue(workers), parsed.GetValue(output)?.FullName, console));
        return command;
    }

    public static int Execute(string configPath, int trials, string? storageUrl, string? studyName, int workers, string? outDirectory, IAnsiConsole console)
    {
        if (!File.Exists(configPath)) throw new FileNotFoundException($"config file not found: {configPath}");
        if (trials < 1) throw new ArgumentException($"--trials must be at least 1, got {trials}");
        if (workers < 1) throw new ArgumentException($"--workers must be at least 1, got {workers}");
        // A log file gets whole lines, not lines wrapped at the default 80 columns.
        if (!console.Profile.Capabilities.Interactive) console.Profile.Width = Math.Max(console.Profile.Width, 240);
        var root = ConfigNode.Parse(File.ReadAllText(configPath), configPath);
        var search = SearchBlock.Parse(root);
        string folder = Path.GetFullPath(outDirectory ?? Path.Combine("runs", $"{Path.GetFileNameWithoutExtension(configPath)}-tune-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        Directory.CreateDirectory(folder);
        var storage = storageUrl is null ? new SqliteStorage(Path.Combine(folder, "study.db")) : StorageUrl.Open(storageUrl);
        try
        {
            var settings = StudyBuilder.Build(root, search, studyName, storage);
            var study = settings.Study;
            var runner = new TrialRunner(configPath, search, settings.Metric, Path.Combine(folder, "trials"), singleThread: workers > 1);
            var keys = search.Parameters.Select(p => p.Key).ToList();
            console.MarkupLine($"[bold]keel tune[/] {Markup.Escape(configPath)} → {Markup.Escape(folder)}");
            console.MarkupLine(Markup.Escape($"study '{study.Name}': {study.Direction.ToString().ToLowerInvariant()} {settings.Metric}; {study.Sampler.GetType().Name}, {study.Pruner.GetType().Name}; {trials} trials on {workers} worker(s); {study.Trials.Count} trials already stored"));

            // study.csv and study.html follow the study as trials finish, so a long study can be read while it runs.
            void WriteReports(IReadOnlyList<FrozenTrial> all)
            {
                AtomicFile.WriteAllText(Path.Combine(folder, "study.csv"), Csv(all));
                AtomicFile.WriteAllText(Path.Combine(folder, "study.html"), StudyHtml.Render(study.Name, study.Direction, all, settings.Metric));
            }
            new TrialTable(console, keys).Run(study, () => study.Optimize(t => runner.Run(t, study), trials, parallelism: workers, catchExceptions: true), WriteReports);
            if (runner.UserError is { } mistake) ExceptionDispatchInfo.Throw(mistake);
            WriteReports(study.Trials);
            return Summarize(console, study, settings.Metric, folder);
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    private static string Csv(IReadOnlyList<FrozenTrial> trials)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        TrialsCsv.Write(trials, text);
        return text.ToString();
    }

    private static int Summarize(IAnsiConsole console, Study study, string metric, string folder)
    {
        var all = study.Trials;
        console.MarkupLine(Markup.Escape($"{all.Count(t => t.State == TrialState.Complete)} complete, {all.Count(t => t.State == TrialState.Pruned)} pruned, {all.Count(t => t.State == TrialState.Failed)} failed; wrote study.csv, study.html and trials/ in {folder}"));
        if (!all.Any(t => t.State == TrialState.Complete))
        {
            console.MarkupLine("[red]no trial completed[/]");
            return 1;
        }
        var best = study.BestTrial;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"best trial {best.Number}: {metric} {best.Value:F4} (run folder trials/{best.Number})")));
        var table = new Table().AddColumn("parameter").AddColumn("value");
        foreach (var (name, value) in best.Params) table.AddRow(Markup.Escape(name), Markup.Escape(best.Distributions[name].Format(value)));
        console.Write(table);
        return 0;
    }
}
