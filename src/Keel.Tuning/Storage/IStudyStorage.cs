using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Storage;

/// <summary>Where studies and their trials live; safe to call from several threads at once.</summary>
/// <remarks>
/// Implementations: <see cref="InMemoryStorage"/>, <see cref="SqliteStorage"/> (one file, several
/// processes on one machine) and <see cref="PostgresStorage"/> (many machines). All pass one contract
/// test suite. Trial numbers are assigned by the storage, in a transaction, so that concurrent
/// workers never share one. Timestamps (start, completion, heartbeat) are the storage's own clock.
/// A finished trial is read-only: writing to it throws <see cref="InvalidOperationException"/>,
/// as Optuna's storages do.
/// </remarks>
public interface IStudyStorage
{
    /// <summary>Returns the id of the study called <paramref name="name"/>, creating it if absent.</summary>
    /// <exception cref="InvalidOperationException">The study exists with the other direction.</exception>
    int OpenStudy(string name, StudyDirection direction);

    /// <summary>Enqueues a waiting trial whose system attributes hold its fixed parameters.</summary>
    void EnqueueTrial(int studyId, IReadOnlyDictionary<string, string> systemAttrs);

    /// <summary>Claims the oldest waiting trial, or creates a trial with the next number, as running.</summary>
    FrozenTrial StartTrial(int studyId);

    /// <summary>Records a parameter's internal value and distribution.</summary>
    void SetParam(long trialId, string name, double internalValue, ParameterDistribution distribution);

    /// <summary>Records an intermediate value at a step (a later report at the same step replaces it).</summary>
    void SetIntermediateValue(long trialId, int step, double value);

    /// <summary>Records a bookkeeping attribute for a sampler or pruner.</summary>
    void SetSystemAttr(long trialId, string key, string value);

    /// <summary>Refreshes the running trial's heartbeat timestamp.</summary>
    void Heartbeat(long trialId);

    /// <summary>Moves a running trial to a finished state, with its value or error.</summary>
    void FinishTrial(long trialId, TrialState state, double? value, string? error);

    /// <summary>Marks failed every running trial whose heartbeat is older than <paramref name="grace"/>; returns their numbers.</summary>
    IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan grace);

    /// <summary>All trials of the study, ordered by number.</summary>
    IReadOnlyList<FrozenTrial> GetTrials(int studyId);
}
