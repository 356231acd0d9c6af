using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

namespace Keel.Tuning.Tests.Workers;

/// <summary>Several worker processes on one study, and a worker killed in the middle of a trial.</summary>
public sealed class MultiProcessTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-workers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_killed_worker_leaves_its_trial_failed_and_the_study_resumes()
    {
        string url = "sqlite:///" + Path.Combine(_folder, "study.db");
        using var worker = WorkerProcess.Start(url, "killed", "100", "hang-after:3");
        string? line;
        do line = worker.StandardOutput.ReadLine();
        while (line is not null && !line.StartsWith("HANG ", StringComparison.Ordinal));
        Assert.Equal("HANG 3", line);
        worker.Kill(entireProcessTree: true);
        worker.WaitForExit();

        var storage = StorageUrl.Open(url);
        var options = new StudyOptions { Storage = storage, Sampler = new RandomSampler(), StaleGrace = TimeSpan.FromSeconds(1) };
        var before = Study.Create("killed", StudyDirection.Minimize, options with { StaleGrace = TimeSpan.FromMinutes(5) }).Trials;
        Assert.Equal(TrialState.Running, before[3].State);

        Thread.Sleep(1200);
        var study = Study.Create("killed", StudyDirection.Minimize, options);
        var after = study.Trials;
        Assert.Equal(4, after.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(TrialState.Complete, after[i].State);
            Assert.Equal(before[i].Value, after[i].Value);
            Assert.Equal(before[i].Params, after[i].Params);
        }
        Assert.Equal(TrialState.Failed, after[3].State);
        Assert.Contains("heartbeat", after[3].Error);

        study.Optimize(t => t.SuggestFloat("x", -5, 5) * t.SuggestFloat("y", -5, 5), trials: 2);
        Assert.Equal([TrialState.Complete, TrialState.Complete], study.Trials.Skip(4).Select(t => t.State));
        Assert.Equal([4, 5], study.Trials.Skip(4).Select(t => t.Number));
        ((IDisposable)storage).Dispose();
    }

    [Fact]
    public void Sqlite_workers_in_several_processes_share_one_study() =>
        AssertWorkersShareOneStudy("sqlite:///" + Path.Combine(_folder, "shared.db"), new SqliteStorage(Path.Combine(_folder, "shared.db")));

    [PostgresFact]
    public void Postgres_workers_in_several_processes_share_one_study() =>
        AssertWorkersShareOneStudy(PostgresServer.ConnectionString, new PostgresStorage(PostgresServer.ConnectionString));

    private void AssertWorkersShareOneStudy(string storageArgument, SqlStorage storage)
    {
        const int workers = 3, each = 10;
        string name = $"shared-{Guid.NewGuid():N}";
        var processes = Enumerable.Range(0, workers).Select(_ => WorkerProcess.Start(storageArgument, name, each.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var ran = new List<int[]>();
        foreach (var p in processes)
        {
            string text = WorkerProcess.Finish(p, TimeSpan.FromMinutes(2));
            Assert.Contains($"DONE {each}", text);
            string line = text.Split('\n').Single(l => l.StartsWith("RAN ", StringComparison.Ordinal));
            ran.Add([.. line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)]);
            p.Dispose();
        }
        // Each worker ran its own trials: together exactly 0 … N−1, no number twice.
        Assert.Equal(Enumerable.Range(0, workers * each), ran.SelectMany(r => r).Order());
        bool interleaved = ran.Any(r => r.Max() - r.Min() + 1 > r.Length);
        output.WriteLine($"workers ran [{string.Join("] [", ran.Select(r => string.Join(' ', r)))}]; interleaved: {interleaved}");
        using (storage)
        {
            var trials = storage.GetTrials(storage.OpenStudy(name, StudyDirection.Minimize));
            Assert.Equal(Enumerable.Range(0, workers * each), trials.Select(t => t.Number));
            Assert.All(trials, t => Assert.Equal(TrialState.Complete, t.State));
            Assert.All(trials, t => Assert.Equal(2, t.Params.Count));
            var x = trials.Select(t => t.Params["x"]).ToList();
            Assert.Equal(x.Count, x.Distinct().Count());
        }
    }
}
