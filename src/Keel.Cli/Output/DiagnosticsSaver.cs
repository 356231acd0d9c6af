using Keel.Diagnostics;
using Keel.Training;

namespace Keel.Cli.Output;

/// <summary>
/// Saves a run's <c>diagnostics.jsonl</c> after every evaluation (when the checkpoint is written
/// too), so that a killed run keeps its probes and a resumed one continues the same file: the
/// records from before the checkpoint's step, then the probe's own.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="probe">The probe of this fit.</param>
/// <param name="earlier">The log saved before a resume, or null for a new run.</param>
/// <param name="resumedAt">The step the fit resumed from (0 for a new run).</param>
internal sealed class DiagnosticsSaver(string path, Probe probe, DiagnosticsLog? earlier, long resumedAt) : ITrainingCallback
{
    /// <summary>The whole run's log: earlier records up to the resumed step, then this fit's.</summary>
    public DiagnosticsLog Log()
    {
        if (earlier is null) return probe.Log;
        var log = new DiagnosticsLog(probe.Log.Header);
        foreach (var record in earlier.Probes.Where(p => p.Step < resumedAt).Concat(probe.Log.Probes)) log.Add(record);
        foreach (var record in earlier.Evaluations.Where(e => e.Step <= resumedAt).Concat(probe.Log.Evaluations)) log.Add(record);
        return log;
    }

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row) => Log().Save(path);
}
