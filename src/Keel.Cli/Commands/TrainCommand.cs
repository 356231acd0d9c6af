using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Keel.Cli.Building;
using Keel.Cli.Output;
using Keel.Data;
using Keel.Tensors;
using Keel.Training;
using Keel.Training.Callbacks;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel train CONFIG.yaml [--out DIR]</c> and <c>keel train --resume RUN_DIR</c>.</summary>
internal static class TrainCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var config = new Argument<FileInfo?>("config") { Description = "The run's YAML config.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Run folder (default runs/<config>-<time>)." };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "Continue the interrupted run in this folder from its checkpoint." };
        var command = new Command("train", "Train a model from a config file and write its run folder.") { config, output, resume };
        command.SetAction(parsed => Execute(parsed.GetValue(config)?.FullName, parsed.GetValue(output)?.FullName, parsed.GetValue(resume)?.FullName, console));
        return command;
    }

    public static int Execute(string? configPath, string? outDirectory, string? resumeDirectory, IAnsiConsole console)
    {
        RunFolder folder;
        if (resumeDirectory is not null)
        {
            if (configPath is not null) throw new ArgumentException("give a config or --resume RUN_DIR, not both");
            if (!Directory.Exists(resumeDirectory)) throw new DirectoryNotFoundException($"run folder not found: {resumeDirectory}");
            folder = new RunFolder(resumeDirectory);
            folder.RemoveStaleTemporaryFiles();
            if (!File.Exists(folder.Checkpoint)) throw new FileNotFoundException($"{folder.Checkpoint} not found: nothing to resume");
            configPath = folder.Config;
        }
        else
        {
            if (configPath is null) throw new ArgumentException("keel train needs a config file (or --resume RUN_DIR)");
            folder = new RunFolder(outDirectory ?? RunFolder.DefaultFor(configPath));
        }

        var run = RunBuilder.FromFile(configPath);
        var trainer = run.Trainer;
        if (resumeDirectory is null)
        {
            folder.WriteConfig(run.Config.ToYaml());
            if (run.Data.Vocabulary is { } vocabulary) folder.WriteVocabulary(vocabulary, run.Data.ContextLength);
            run.Data.Standardizer?.Save(folder.Standardizer);
        }
        else
        {
            trainer.LoadCheckpoint(folder.Checkpoint);
        }
        trainer.Callbacks.Add(new CsvLogger(folder.History));
        trainer.Callbacks.Add(new ModelCheckpoint(folder.Checkpoint, everySteps: Math.Max(1, trainer.EvaluateEvery)));

        console.MarkupLine($"[bold]keel train[/] {Markup.Escape(configPath)} → {Markup.Escape(folder.Path)}");
        if (run.Config.Has("search")) console.MarkupLine("note: keel train uses the config's own values; its search block is for keel tune");
        console.MarkupLine($"model: {run.Model.ParameterCount:N0} parameters; data: {run.Data.Split.Train.Count:N0} train / {run.Data.Split.Validation.Count:N0} validation / {run.Data.Split.Test.Count:N0} test examples");

        var progress = new ConsoleProgress(console);
        var clock = Stopwatch.StartNew();
        long remaining = Math.Max(0, run.Steps - trainer.Step);
        trainer.Progress = progress;
        var history = progress.Run(run.Steps, trainer.Step, () => trainer.Fit(run.TrainingBatches(), run.Validation, remaining));
        double seconds = clock.Elapsed.TotalSeconds;

        var metrics = run.FinalMetrics(seconds);
        folder.WriteModel(run.Model, trainer.Step);
        folder.WriteHistory(history);
        folder.WriteMetrics(metrics);
        Summarize(console, run, metrics, history);
        if (trainer.Probe is { } probe)
        {
            probe.Log.Save(folder.Diagnostics);
            var report = DiagnosticsOutput.WriteReport(folder, probe.Log);
            console.MarkupLine($"report: {Markup.Escape(folder.Report)}");
            DiagnosticsOutput.Print(console, report);
        }
        return 0;
    }

    private static void Summarize(IAnsiConsole console, Run run, Dictionary<string, object> metrics, TrainingHistory history)
    {
        if (history.StopReason is { } reason) console.MarkupLine($"[yellow]stopped early[/]: {Markup.Escape(reason)}");
        var table = new Table().AddColumn("split").AddColumn("loss").AddColumn("accuracy");
        foreach (var split in new[] { "train", "validation", "test" })
        {
            if (!metrics.TryGetValue($"{split}_loss", out var loss)) continue;
            var accuracy = metrics.TryGetValue($"{split}_accuracy", out var a) ? ((float)a).ToString("F4", CultureInfo.InvariantCulture) : "-";
            table.AddRow(split, ((float)loss).ToString("F4", CultureInfo.InvariantCulture), accuracy);
        }
        console.Write(table);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{run.Trainer.Step:N0} steps in {(double)metrics["wall_seconds"]:F1} s"));
        if (run.Data.Vocabulary is not { } vocabulary || run.SampleCount == 0) return;
        var names = TextSampler.Sample(run.Model, vocabulary, run.Data.ContextLength, run.SampleCount, new Generator(run.Seed + 2));
        console.MarkupLine("samples: " + Markup.Escape(string.Join(", ", names)));
    }
}
