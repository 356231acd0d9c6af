using Keel.Tuning.SearchSpace;
using Keel.Tuning.Storage;

namespace Keel.Tuning.Tests.Storage;

/// <summary>The contract every <see cref="IStudyStorage"/> keeps; derived once per storage.</summary>
public abstract class StorageContractTests : IDisposable
{
    private readonly Lazy<IStudyStorage> _storage;

    protected StorageContractTests() => _storage = new(CreateStorage);

    /// <summary>A fresh storage (or one where names made with <see cref="UniqueName"/> are unused).</summary>
    protected abstract IStudyStorage CreateStorage();

    protected IStudyStorage Storage => _storage.Value;

    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public virtual void Dispose()
    {
        if (_storage.IsValueCreated && _storage.Value is IDisposable d) d.Dispose();
        GC.SuppressFinalize(this);
    }

    [StorageFact]
    public void OpenStudy_returns_one_id_per_name()
    {
        string a = UniqueName("a"), b = UniqueName("b");
        int first = Storage.OpenStudy(a, StudyDirection.Minimize);
        Assert.Equal(first, Storage.OpenStudy(a, StudyDirection.Minimize));
        Assert.NotEqual(first, Storage.OpenStudy(b, StudyDirection.Maximize));
    }

    [StorageFact]
    public void OpenStudy_with_the_other_direction_throws_naming_the_study()
    {
        string name = UniqueName("dir");
        Storage.OpenStudy(name, StudyDirection.Minimize);
        var e = Assert.Throws<InvalidOperationException>(() => Storage.OpenStudy(name, StudyDirection.Maximize));
        Assert.Contains(name, e.Message);
    }

    [StorageFact]
    public void Trials_are_numbered_from_zero_without_gaps_in_each_study()
    {
        int s1 = Storage.OpenStudy(UniqueName("s1"), StudyDirection.Minimize);
        int s2 = Storage.OpenStudy(UniqueName("s2"), StudyDirection.Minimize);
        Assert.Equal([0, 1, 2], new[] { Storage.StartTrial(s1), Storage.StartTrial(s1), Storage.StartTrial(s1) }.Select(t => t.Number));
        Assert.Equal(0, Storage.StartTrial(s2).Number);
        Assert.Equal(3, Storage.GetTrials(s1).Count);
        Assert.All(Storage.GetTrials(s1), t => Assert.Equal(TrialState.Running, t.State));
    }

    [StorageFact]
    public void Parameters_intermediate_values_and_attributes_round_trip()
    {
        int study = Storage.OpenStudy(UniqueName("rt"), StudyDirection.Minimize);
        long id = Storage.StartTrial(study).Id;
        var lr = new FloatDistribution(1e-5, 1, log: true);
        var units = new IntDistribution(16, 256, step: 16);
        var act = new CategoricalDistribution(["tanh", "relu"]);
        Storage.SetParam(id, "lr", 0.0123456789012345, lr);
        Storage.SetParam(id, "units", 48, units);
        Storage.SetParam(id, "act", 1, act);
        Storage.SetIntermediateValue(id, 0, 2.5);
        Storage.SetIntermediateValue(id, 3, double.NaN);
        Storage.SetIntermediateValue(id, 0, 1.5);
        Storage.SetSystemAttr(id, "grid_id", "7");

        var t = Storage.GetTrials(study).Single();
        Assert.Equal(0.0123456789012345, t.Params["lr"]);
        Assert.Equal(lr, t.Distributions["lr"]);
        Assert.Equal(units, t.Distributions["units"]);
        Assert.Equal(act, t.Distributions["act"]);
        Assert.Equal("relu", t.ExternalParams["act"]);
        Assert.Equal(48L, t.ExternalParams["units"]);
        Assert.Equal(1.5, t.IntermediateValues[0]);
        Assert.True(double.IsNaN(t.IntermediateValues[3]));
        Assert.Equal(3, t.LastStep);
        Assert.Equal("7", t.SystemAttrs["grid_id"]);
    }

    [StorageFact]
    public void FinishTrial_records_state_value_error_and_times()
    {
        int study = Storage.OpenStudy(UniqueName("fin"), StudyDirection.Minimize);
        long a = Storage.StartTrial(study).Id, b = Storage.StartTrial(study).Id;
        Storage.FinishTrial(a, TrialState.Complete, 0.25, null);
        Storage.FinishTrial(b, TrialState.Failed, null, "ValueError: boom");
        var trials = Storage.GetTrials(study);
        Assert.Equal((TrialState.Complete, 0.25), (trials[0].State, trials[0].Value));
        Assert.Equal((TrialState.Failed, (double?)null, "ValueError: boom"), (trials[1].State, trials[1].Value, trials[1].Error));
        Assert.All(trials, t => Assert.True(t.Started <= t.Completed && t.Duration >= TimeSpan.Zero));
        Assert.All(trials, t => Assert.InRange((DateTime.UtcNow - t.Completed!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(5)));
    }

    [StorageFact]
    public void A_finished_trial_cannot_be_changed()
    {
        int study = Storage.OpenStudy(UniqueName("ro"), StudyDirection.Minimize);
        long id = Storage.StartTrial(study).Id;
        Storage.FinishTrial(id, TrialState.Pruned, 3.0, null);
        Assert.Throws<InvalidOperationException>(() => Storage.SetParam(id, "x", 1, new FloatDistribution(0, 2)));
        Assert.Throws<InvalidOperationException>(() => Storage.SetIntermediateValue(id, 1, 1));
        Assert.Throws<InvalidOperationException>(() => Storage.Heartbeat(id));
        var e = Assert.Throws<InvalidOperationException>(() => Storage.FinishTrial(id, TrialState.Complete, 1, null));
        Assert.Contains("Trial 0", e.Message);
        Assert.Equal((TrialState.Pruned, 3.0), (Storage.GetTrials(study)[0].State, Storage.GetTrials(study)[0].Value!.Value));
    }

    [StorageFact]
    public void Enqueued_trials_are_claimed_oldest_first_before_new_ones()
    {
        int study = Storage.OpenStudy(UniqueName("q"), StudyDirection.Minimize);
        Storage.EnqueueTrial(study, new Dictionary<string, string> { ["fixed_params"] = "{\"x\":\"1\"}" });
        Storage.EnqueueTrial(study, new Dictionary<string, string> { ["fixed_params"] = "{\"x\":\"2\"}" });
        Assert.All(Storage.GetTrials(study), t => Assert.Equal(TrialState.Waiting, t.State));
        var first = Storage.StartTrial(study);
        var second = Storage.StartTrial(study);
        var third = Storage.StartTrial(study);
        Assert.Equal((0, "{\"x\":\"1\"}"), (first.Number, first.SystemAttrs["fixed_params"]));
        Assert.Equal((1, "{\"x\":\"2\"}"), (second.Number, second.SystemAttrs["fixed_params"]));
        Assert.Equal(2, third.Number);
        Assert.Empty(third.SystemAttrs);
        Assert.All(new[] { first, second, third }, t => Assert.Equal(TrialState.Running, t.State));
    }

    [StorageFact]
    public void Running_trials_without_a_recent_heartbeat_are_marked_failed()
    {
        int study = Storage.OpenStudy(UniqueName("hb"), StudyDirection.Minimize);
        long done = Storage.StartTrial(study).Id;
        Storage.FinishTrial(done, TrialState.Complete, 1.0, null);
        long stale = Storage.StartTrial(study).Id;
        long alive = Storage.StartTrial(study).Id;
        Thread.Sleep(1000);
        Storage.Heartbeat(alive);
        Assert.Equal([1], Storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(600)));
        var trials = Storage.GetTrials(study);
        Assert.Equal((TrialState.Complete, 1.0), (trials[0].State, trials[0].Value!.Value));
        Assert.Equal(TrialState.Failed, trials[1].State);
        Assert.Contains("heartbeat", trials[1].Error);
        Assert.Equal(TrialState.Running, trials[2].State);
        Assert.Throws<InvalidOperationException>(() => Storage.Heartbeat(stale));
        Assert.Empty(Storage.FailStaleTrials(study, TimeSpan.FromMilliseconds(600)));
    }

    [StorageFact]
    public void Concurrent_starts_get_distinct_numbers_and_all_are_recorded()
    {
        int study = Storage.OpenStudy(UniqueName("cc"), StudyDirection.Minimize);
        const int threads = 6, each = 8;
        var numbers = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (int i = 0; i < each; i++)
            {
                var t = Storage.StartTrial(study);
                Storage.FinishTrial(t.Id, TrialState.Complete, t.Number, null);
                numbers.Add(t.Number);
            }
        });
        Assert.Equal(Enumerable.Range(0, threads * each), numbers.Order());
        var trials = Storage.GetTrials(study);
        Assert.Equal(Enumerable.Range(0, threads * each), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal((double)t.Number, t.Value));
    }
}
