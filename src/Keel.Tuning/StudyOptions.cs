using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

namespace Keel.Tuning;

/// <summary>How a <see cref="Study"/> samples, prunes, stores and watches its trials.</summary>
/// <remarks>
/// Defaults as Optuna's <c>create_study</c>: in-memory storage, <see cref="TpeSampler"/>,
/// <see cref="MedianPruner"/>. A running trial refreshes its heartbeat every
/// <see cref="HeartbeatInterval"/> (10 s); a running trial whose heartbeat is older than
/// <see cref="StaleGrace"/> (default twice the interval, as Optuna's <c>grace_period</c>) is taken
/// for the trial of a dead worker and marked failed when a study opens and before each new trial.
/// </remarks>
public sealed record StudyOptions
{
    private readonly TimeSpan _heartbeatInterval = TimeSpan.FromSeconds(10);
    private readonly TimeSpan? _staleGrace;

    /// <summary>Where trials are kept; <see cref="InMemoryStorage"/> when null.</summary>
    public IStudyStorage? Storage { get; init; }

    /// <summary>The sampler; <see cref="TpeSampler"/> with its defaults when null.</summary>
    public ISampler? Sampler { get; init; }

    /// <summary>The pruner; <see cref="MedianPruner"/> with its defaults when null.</summary>
    public IPruner? Pruner { get; init; }

    /// <summary>The study seed, from which every trial's seed derives (<see cref="TrialSeed"/>).</summary>
    public long Seed { get; init; }

    /// <summary>How often a running trial refreshes its heartbeat.</summary>
    public TimeSpan HeartbeatInterval
    {
        get => _heartbeatInterval;
        init => _heartbeatInterval = value > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), value, "The heartbeat interval must be positive.");
    }

    /// <summary>How old a running trial's heartbeat may get before the trial is marked failed.</summary>
    public TimeSpan StaleGrace
    {
        get => _staleGrace ?? 2 * _heartbeatInterval;
        init => _staleGrace = value > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(StaleGrace), value, "The stale grace period must be positive.");
    }
}
