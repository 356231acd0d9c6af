using System.Globalization;
using Keel.Tuning;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>
/// Shows a study's trials while it runs: a live table (number, state, value, last reported step,
/// parameters, time) on a terminal, refreshed twice a second from the storage; one line per
/// finished trial when output is redirected. Parameters go by the shortest ending of their key
/// path that tells them apart (<c>optimizer.sgd.lr</c> is <c>lr</c>).
/// </summary>
internal sealed class TrialTable(IAnsiConsole console, IReadOnlyList<string> parameters)
{
    private const int ShownRows = 25;
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);
    private readonly IReadOnlyList<string> _labels = ShortNames(parameters);

    /// <summary>
    /// Runs <paramref name="optimize"/> on another thread and shows <paramref name="study"/>'s trials
    /// until it ends, calling <paramref name="finished"/> with all trials whenever more have finished.
    /// </summary>
    public void Run(Study study, Action optimize, Action<IReadOnlyList<FrozenTrial>> finished)
    {
        var work = Task.Factory.StartNew(optimize, TaskCreationOptions.LongRunning);
        var seen = new HashSet<int>();
        bool done = false;
        IReadOnlyList<FrozenTrial> Poll()
        {
            done = work.Wait(Refresh);
            var trials = study.Trials;
            var newly = trials.Where(t => t.IsFinished && seen.Add(t.Number)).ToList();
            if (!console.Profile.Capabilities.Interactive) foreach (var trial in newly) console.WriteLine(Line(trial));
            if (newly.Count > 0) finished(trials);
            return trials;
        }
        if (console.Profile.Capabilities.Interactive)
            console.Live(Build(study.Direction, study.Trials)).AutoClear(false).Start(context =>
            {
                while (!done) context.UpdateTarget(Build(study.Direction, Poll()));
            });
        else
            while (!done) Poll();
        work.GetAwaiter().GetResult();
    }

    /// <summary>A trial as one line: number, state, value, parameters and time.</summary>
    public string Line(FrozenTrial trial) => string.Create(CultureInfo.InvariantCulture,
        $"trial {trial.Number,3} {trial.State.ToString().ToLowerInvariant(),-8} {Value(trial),-9} {string.Join("  ", parameters.Select((p, i) => $"{_labels[i]}={Param(trial, p)}"))}  ({trial.Duration?.TotalSeconds ?? 0:F1} s){(trial.Error is { } e ? "  " + e : "")}");

    private Table Build(StudyDirection direction, IReadOnlyList<FrozenTrial> trials)
    {
        var best = trials.Where(t => t.State == TrialState.Complete && t.Value is not null).ToList();
        int? bestNumber = best.Count == 0 ? null : (direction == StudyDirection.Minimize ? best.MinBy(t => t.Value) : best.MaxBy(t => t.Value))!.Number;
        var table = new Table().Border(TableBorder.Simple).AddColumns("#", "state", "value", "step");
        foreach (var label in _labels) table.AddColumn(Markup.Escape(label));
        table.AddColumn("time");
        foreach (var t in trials.Skip(Math.Max(0, trials.Count - ShownRows)))
        {
            string style = t.Number == bestNumber ? "bold green" : t.State switch { TrialState.Running => "yellow", TrialState.Pruned => "grey", TrialState.Failed => "red", _ => "default" };
            string[] cells =
            [
                t.Number.ToString(CultureInfo.InvariantCulture), t.State.ToString().ToLowerInvariant(), Value(t),
                t.LastStep?.ToString(CultureInfo.InvariantCulture) ?? "-", .. parameters.Select(p => Param(t, p)),
                t.Duration is { } d ? d.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s" : "-",
            ];
            table.AddRow([.. cells.Select(c => new Markup(Markup.Escape(c), Style.Parse(style)))]);
        }
        table.Caption($"{trials.Count(t => t.State == TrialState.Complete)} complete, {trials.Count(t => t.State == TrialState.Pruned)} pruned, {trials.Count(t => t.State == TrialState.Failed)} failed, {trials.Count(t => t.State == TrialState.Running)} running");
        return table;
    }

    private static string Value(FrozenTrial trial) => trial.State switch
    {
        TrialState.Running => trial.IntermediateValues.Count == 0 ? "-" : trial.IntermediateValues[trial.LastStep!.Value].ToString("F4", CultureInfo.InvariantCulture),
        _ => trial.Value?.ToString("F4", CultureInfo.InvariantCulture) ?? "-",
    };

    private static string Param(FrozenTrial trial, string name) => trial.Params.TryGetValue(name, out double value) ? Short(trial.Distributions[name].ToExternal(value)) : "-";

    private static string Short(object value) => value is double d ? d.ToString("G4", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>For each dotted key, the fewest trailing parts that no other key ends with.</summary>
    internal static IReadOnlyList<string> ShortNames(IReadOnlyList<string> keys) => [.. keys.Select(key =>
    {
        var parts = key.Split('.');
        for (int n = 1; n < parts.Length; n++)
        {
            string suffix = string.Join('.', parts[^n..]);
            if (keys.Count(k => k == suffix || k.EndsWith("." + suffix, StringComparison.Ordinal)) == 1) return suffix;
        }
        return key;
    })];
}
