namespace Keel.Tuning.Storage;

/// <summary>The rules and messages every storage shares about finishing trials.</summary>
internal static class FinishedState
{
    public static void ThrowIfNotFinal(TrialState state)
    {
        if (state is not (TrialState.Complete or TrialState.Pruned or TrialState.Failed))
            throw new ArgumentException($"A trial can only finish as Complete, Pruned or Failed, not {state}.");
    }

    public static InvalidOperationException NotRunning(int number, TrialState state) =>
        new($"Trial {number} is {state} and can no longer be updated.");

    public static string StaleError(TimeSpan grace) =>
        $"No heartbeat for more than {grace.TotalSeconds:0.###} s: the worker running this trial stopped.";
}

/// <summary>The check every storage makes when an existing study is opened again.</summary>
internal static class StudyMismatch
{
    public static void ThrowIfDifferent(string name, StudyDirection stored, StudyDirection requested)
    {
        if (stored != requested)
            throw new InvalidOperationException(
                $"Study '{name}' exists with direction {stored}; it cannot be opened to {requested}.");
    }
}
