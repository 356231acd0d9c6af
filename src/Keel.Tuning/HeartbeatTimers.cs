using System.Collections.Concurrent;
using Keel.Tuning.Storage;

namespace Keel.Tuning;

/// <summary>One timer per running trial of this process, refreshing the trial's heartbeat in the storage.</summary>
/// <remarks>
/// A heartbeat that fails (the database is briefly unreachable, or the trial was already marked
/// failed as stale) is skipped: the next tick tries again, and finishing the trial reports the state.
/// </remarks>
internal sealed class HeartbeatTimers(IStudyStorage storage, TimeSpan interval)
{
    private readonly ConcurrentDictionary<long, Timer> _timers = new();

    public void Start(long trialId) =>
        _timers[trialId] = new Timer(_ => Beat(trialId), null, interval, interval);

    public void Stop(long trialId)
    {
        if (!_timers.TryRemove(trialId, out var timer)) return;
        using var done = new ManualResetEvent(false);
        if (timer.Dispose(done)) done.WaitOne();
    }

    private void Beat(long trialId)
    {
        try
        {
            storage.Heartbeat(trialId);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            // Skipped beat; see the remarks.
        }
    }
}
