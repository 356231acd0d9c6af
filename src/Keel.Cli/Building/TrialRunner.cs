using System.Diagnostics;
using System.Globalization;
using Keel.Cli.Commands;
using Keel.Cli.Config;
using Keel.Cli.Output;
using Keel.Tuning;
using Keel.Tuning.Integration;

namespace Keel.Cli.Building;

/// <summary>
/// One trial of <c>keel tune</c>: the config with the trial's values set, built by
/// <see cref="RunBuilder"/> and trained with pruning on the validation metric, its run folder
/// written to <c>trials/N</c> (<c>config.yaml</c> as resolved, <c>history.csv</c>,
/// <c>metrics.json</c>, <c>model.safetensors</c>). The objective is the final model's validation
/// loss (or accuracy), as <c>metrics.json</c> has it.
/// </summary>
/// <remarks>
/// Every trial keeps the config's <c>seed</c>: the same data split, initialization and batch order,
/// so trials differ only in the searched values (the sampler's randomness comes from the trial's
/// own seed). A mistake in the config (a value the search sets that the builder rejects) stops the
/// study and is reported as the user's error; a trial whose training fails is recorded as failed
/// and the study goes on.
/// </remarks>
internal sealed class TrialRunner(string configPath, SearchBlock search, string metric, string trialsFolder, bool singleThread)
{
    private readonly string _text = File.ReadAllText(configPath);
    private readonly string _baseDirectory = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".";
    private Exception? _userError;

    /// <summary>The first mistake in the config that a trial met, which stopped the study.</summary>
    public Exception? UserError => _userError;

    /// <summary>The objective: trains the trial's run and returns its validation metric.</summary>
    public double Run(Trial trial, Study study)
    {
        var folder = new RunFolder(Path.Combine(trialsFolder, trial.Number.ToString(CultureInfo.InvariantCulture)));
        Run run;
        try
        {
            var config = ConfigNode.Parse(_text, configPath);
            config.Remove("search");
            config.Remove("tune");
            search.Apply(trial, config);
            if (singleThread) config.Set("threads", "1");
            run = RunBuilder.Build(config, _baseDirectory);
        }
        catch (Exception e) when (KeelCommand.IsUsersMistake(e))
        {
            Interlocked.CompareExchange(ref _userError, e, null);
            study.Stop();
            throw;
        }
        folder.WriteConfig(run.Config.ToYaml());
        if (run.Data.Vocabulary is { } vocabulary) folder.WriteVocabulary(vocabulary, run.Data.ContextLength);

        var clock = Stopwatch.StartNew();
        Dictionary<string, object>? metrics = null;
        try
        {
            return TrainerObjective.Fit(trial, run.Trainer, () => run.Trainer.Fit(run.TrainingBatches(), run.Validation, run.Steps),
                () => Objective(metrics = run.FinalMetrics(clock.Elapsed.TotalSeconds)), metric);
        }
        finally
        {
            metrics ??= run.FinalMetrics(clock.Elapsed.TotalSeconds);
            metrics["trial"] = trial.Number;
            if (run.Trainer.History.StopReason is { } reason) metrics["stop_reason"] = reason;
            folder.WriteHistory(run.Trainer.History);
            folder.WriteMetrics(metrics);
            folder.WriteModel(run.Model, run.Trainer.Step);
        }
    }

    private double Objective(Dictionary<string, object> metrics)
    {
        string key = metric == "val_loss" ? "validation_loss" : "validation_accuracy";
        return metrics.TryGetValue(key, out var value) ? (float)value : double.NaN;
    }
}
