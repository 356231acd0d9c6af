namespace Keel.Tuning.Pruners;

/// <summary>Decides whether a running trial should stop early (Optuna's <c>BasePruner</c>).</summary>
public interface IPruner
{
    /// <summary>True when the trial in <paramref name="context"/> should be pruned now.</summary>
    bool Prune(PrunerContext context);
}

/// <summary>What a pruner may see and do when asked about one trial.</summary>
/// <param name="StudyName">The study's name (Hyperband hashes it with the trial number).</param>
/// <param name="Direction">Whether the study minimizes or maximizes.</param>
/// <param name="Trial">The trial, with every value it reported so far.</param>
/// <param name="Trials">All trials of the study (this one included).</param>
/// <param name="SetSystemAttr">Records a bookkeeping attribute on the trial.</param>
public sealed record PrunerContext(
    string StudyName,
    StudyDirection Direction,
    FrozenTrial Trial,
    IReadOnlyList<FrozenTrial> Trials,
    Action<string, string> SetSystemAttr);
