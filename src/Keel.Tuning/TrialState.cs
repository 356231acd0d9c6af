namespace Keel.Tuning;

/// <summary>The life cycle of a trial, as Optuna's <c>TrialState</c>.</summary>
/// <remarks>
/// A trial is <see cref="Waiting"/> when it was enqueued with fixed parameters and no worker has
/// claimed it yet, <see cref="Running"/> while a worker evaluates it, and then ends in exactly one of
/// <see cref="Complete"/>, <see cref="Pruned"/> or <see cref="Failed"/>. A finished trial never changes.
/// </remarks>
public enum TrialState
{
    /// <summary>A worker is evaluating the trial; its heartbeat shows it is alive.</summary>
    Running = 0,

    /// <summary>The objective returned a finite value.</summary>
    Complete = 1,

    /// <summary>A pruner stopped the trial; its value is its last reported intermediate value.</summary>
    Pruned = 2,

    /// <summary>The objective threw, returned NaN, or its worker stopped sending heartbeats.</summary>
    Failed = 3,

    /// <summary>Enqueued with fixed parameters and not yet claimed by a worker.</summary>
    Waiting = 4,
}
