using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

namespace Keel.Tuning.Tests;

public sealed class StudyTests
{
    private static Study NewStudy(StudyDirection direction = StudyDirection.Minimize, ISampler? sampler = null, long seed = 1, IStudyStorage? storage = null) =>
        Study.Create("study", direction, new StudyOptions { Sampler = sampler ?? new RandomSampler(), Pruner = new NopPruner(), Seed = seed, Storage = storage });

    private static double Quadratic(Trial t) => Math.Pow(t.SuggestFloat("x", -3, 3) - 1, 2);

    [Fact]
    public void Best_trial_is_the_smallest_when_minimizing_and_the_largest_when_maximizing()
    {
        var min = NewStudy();
        min.Optimize(Quadratic, trials: 20);
        Assert.Equal(min.Trials.Min(t => t.Value), min.BestValue);
        Assert.Equal(min.BestTrial.Params["x"], (double)min.BestParams["x"]);

        var max = NewStudy(StudyDirection.Maximize);
        max.Optimize(Quadratic, trials: 20);
        Assert.Equal(max.Trials.Max(t => t.Value), max.BestValue);
    }

    [Fact]
    public void Best_trial_of_an_empty_study_says_so()
    {
        var e = Assert.Throws<InvalidOperationException>(() => NewStudy().BestTrial);
        Assert.Contains("no complete trial", e.Message);
    }

    [Fact]
    public void An_objective_that_throws_fails_its_trial_and_the_exception_surfaces()
    {
        var study = NewStudy();
        var e = Assert.Throws<ArithmeticException>(() => study.Optimize(t => t.Number == 2 ? throw new ArithmeticException("diverged") : Quadratic(t), trials: 5));
        Assert.Equal("diverged", e.Message);
        var trials = study.Trials;
        Assert.Equal(3, trials.Count);
        Assert.Equal((TrialState.Failed, "ArithmeticException: diverged"), (trials[2].State, trials[2].Error));

        study.Optimize(t => t.Number % 2 == 0 ? throw new ArithmeticException("odd") : 1.0, trials: 4, catchExceptions: true);
        Assert.Equal([TrialState.Complete, TrialState.Failed, TrialState.Complete, TrialState.Failed], study.Trials.Skip(3).Select(t => t.State));
    }

    [Fact]
    public void A_nan_value_fails_the_trial_and_a_pruned_trial_keeps_its_last_report()
    {
        var study = NewStudy();
        study.Optimize(t =>
        {
            if (t.Number == 0) return double.NaN;
            t.Report(0, 5);
            t.Report(1, 4);
            t.Report(1, 99);
            throw new TrialPrunedException();
        }, trials: 2);
        var trials = study.Trials;
        Assert.Equal((TrialState.Failed, (double?)null), (trials[0].State, trials[0].Value));
        Assert.Contains("NaN", trials[0].Error);
        Assert.Equal((TrialState.Pruned, (double?)4), (trials[1].State, trials[1].Value));
    }

    [Fact]
    public void Optimize_stops_at_the_timeout()
    {
        var study = NewStudy();
        var started = DateTime.UtcNow;
        study.Optimize(t => { Thread.Sleep(20); return Quadratic(t); }, timeout: TimeSpan.FromMilliseconds(300));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        Assert.InRange(study.Trials.Count, 1, 16);
    }

    [Fact]
    public void Parallel_workers_run_exactly_the_requested_trials()
    {
        var study = NewStudy(sampler: new TpeSampler(nStartupTrials: 4));
        study.Optimize(t => { Thread.Sleep(3); return Quadratic(t); }, trials: 30, parallelism: 4);
        Assert.Equal(Enumerable.Range(0, 30), study.Trials.Select(t => t.Number));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Complete, t.State));
        var xs = study.Trials.Select(t => t.Params["x"]).ToList();
        Assert.Equal(xs.Count, xs.Distinct().Count());
    }

    [Fact]
    public void Trial_seeds_make_results_independent_of_which_worker_ran_what()
    {
        var sequential = NewStudy(seed: 42);
        sequential.Optimize(t => Quadratic(t) + new Random(t.Seed).NextDouble(), trials: 12);
        var parallel = NewStudy(seed: 42);
        parallel.Optimize(t => Quadratic(t) + new Random(t.Seed).NextDouble(), trials: 12, parallelism: 3);
        Assert.Equal(sequential.Trials.Select(t => (t.Params["x"], t.Value)), parallel.Trials.Select(t => (t.Params["x"], t.Value)));
        var other = NewStudy(seed: 43);
        other.Optimize(Quadratic, trials: 12);
        Assert.NotEqual(sequential.Trials.Select(t => t.Params["x"]), other.Trials.Select(t => t.Params["x"]));
    }

    [Fact]
    public void Trial_seed_is_a_fixed_hash_of_study_seed_and_number()
    {
        Assert.Equal(TrialSeed.Derive(42, 7), TrialSeed.Derive(42, 7));
        var seeds = Enumerable.Range(0, 1000).Select(n => TrialSeed.Derive(42, n)).ToList();
        Assert.Equal(1000, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.NotEqual(TrialSeed.Derive(42, 0), TrialSeed.Derive(43, 0));
        var study = NewStudy(seed: 42);
        var trial = study.Ask();
        Assert.Equal(TrialSeed.Derive(42, 0), trial.Seed);
    }

    [Fact]
    public void Enqueued_trials_run_first_with_their_fixed_values()
    {
        var study = NewStudy();
        study.EnqueueTrial(new Dictionary<string, object> { ["x"] = 1.0, ["act"] = "relu" });
        study.EnqueueTrial(new Dictionary<string, object> { ["x"] = -2.5 });
        study.Optimize(t => Quadratic(t) + (t.SuggestCategorical("act", ["tanh", "relu"]) == "relu" ? 0 : 1), trials: 3);
        var trials = study.Trials;
        Assert.Equal((1.0, "relu"), ((double)trials[0].ExternalParams["x"], (string)trials[0].ExternalParams["act"]));
        Assert.Equal(0.0, trials[0].Value);
        Assert.Equal(-2.5, trials[1].Params["x"]);
        Assert.Equal(3, trials.Count);
    }

    [Fact]
    public void An_enqueued_value_outside_the_range_is_an_error_naming_it()
    {
        var study = NewStudy();
        study.EnqueueTrial(new Dictionary<string, object> { ["x"] = 7 });
        var e = Assert.Throws<ArgumentException>(() => study.Optimize(Quadratic, trials: 1));
        Assert.Contains("'7' of parameter 'x'", e.Message);
    }

    [Fact]
    public void Suggesting_a_name_again_returns_its_value_or_rejects_another_range()
    {
        var trial = NewStudy().Ask();
        double x = trial.SuggestFloat("x", 0, 1);
        Assert.Equal(x, trial.SuggestFloat("x", 0, 1));
        var e = Assert.Throws<ArgumentException>(() => trial.SuggestFloat("x", 0, 2));
        Assert.Contains("'x'", e.Message);
        Assert.InRange(trial.SuggestInt("n", 1, 9, step: 2), 1, 9);
        Assert.Equal(2, trial.Params.Count);
    }

    [Fact]
    public void A_study_reopened_in_its_storage_resumes_where_it_stopped()
    {
        var storage = new InMemoryStorage();
        NewStudy(storage: storage).Optimize(Quadratic, trials: 3);
        var resumed = NewStudy(storage: storage);
        resumed.Optimize(Quadratic, trials: 2);
        Assert.Equal(Enumerable.Range(0, 5), resumed.Trials.Select(t => t.Number));
        Assert.Throws<InvalidOperationException>(() => NewStudy(StudyDirection.Maximize, storage: storage));
    }

    [Fact]
    public void Heartbeats_keep_a_long_trial_alive_while_stale_ones_fail()
    {
        string folder = Directory.CreateTempSubdirectory("keel-hb-").FullName;
        try
        {
            using var storage = new SqliteStorage(Path.Combine(folder, "hb.db"));
            // The trial runs 4.8 s, longer than the 3 s grace, so only its heartbeats keep it alive; the
            // grace leaves room for timer callbacks and SQLite writes delayed on a loaded 2-core machine.
            var options = new StudyOptions { Storage = storage, Sampler = new RandomSampler(), HeartbeatInterval = TimeSpan.FromMilliseconds(100), StaleGrace = TimeSpan.FromMilliseconds(3000) };
            var study = Study.Create("hb", StudyDirection.Minimize, options);
            var watcher = Study.Create("hb", StudyDirection.Minimize, options);
            var failedMeanwhile = new List<int>();
            study.Optimize(t =>
            {
                for (int i = 0; i < 16; i++)
                {
                    Thread.Sleep(300);
                    failedMeanwhile.AddRange(watcher.FailStaleTrials());
                }
                return 1;
            }, trials: 1);
            Assert.Empty(failedMeanwhile);
            Assert.Equal(TrialState.Complete, study.Trials.Single().State);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
