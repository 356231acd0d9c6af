using Keel.Tuning.SearchSpace;

namespace Keel.Tuning;

/// <summary>A snapshot of one trial as the storage holds it (Optuna's <c>FrozenTrial</c>).</summary>
/// <param name="Id">The storage's key for the trial, unique across studies.</param>
/// <param name="Number">The trial's number in its study: 0, 1, 2, … without gaps or duplicates.</param>
/// <param name="State">Where the trial is in its life cycle.</param>
/// <param name="Value">The objective value (complete), the last intermediate value (pruned), else null.</param>
/// <param name="Params">Each parameter's internal value: the number itself, or the choice index of a categorical.</param>
/// <param name="Distributions">The distribution each parameter was drawn from.</param>
/// <param name="IntermediateValues">The values reported with <see cref="Trial.Report"/>, by step.</param>
/// <param name="SystemAttrs">Bookkeeping of samplers and pruners (grid point, completed rungs, fixed parameters).</param>
/// <param name="Started">When the trial started running (UTC); null while waiting.</param>
/// <param name="Completed">When the trial finished (UTC); null while waiting or running.</param>
/// <param name="Error">Why a failed trial failed.</param>
public sealed record FrozenTrial(
    long Id,
    int Number,
    TrialState State,
    double? Value,
    IReadOnlyDictionary<string, double> Params,
    IReadOnlyDictionary<string, ParameterDistribution> Distributions,
    IReadOnlyDictionary<int, double> IntermediateValues,
    IReadOnlyDictionary<string, string> SystemAttrs,
    DateTime? Started,
    DateTime? Completed,
    string? Error)
{
    /// <summary>The largest step reported, or null when nothing was reported.</summary>
    public int? LastStep => IntermediateValues.Count == 0 ? null : IntermediateValues.Keys.Max();

    /// <summary>Wall time from start to completion, when both are known.</summary>
    public TimeSpan? Duration => Started is { } s && Completed is { } c ? c - s : null;

    /// <summary>The parameters as the objective saw them: numbers, or the chosen category's text.</summary>
    public IReadOnlyDictionary<string, object> ExternalParams =>
        Params.ToDictionary(p => p.Key, p => Distributions[p.Key].ToExternal(p.Value));

    /// <summary>True when the trial has finished (complete, pruned or failed).</summary>
    public bool IsFinished => State is TrialState.Complete or TrialState.Pruned or TrialState.Failed;
}
