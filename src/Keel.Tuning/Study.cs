using System.Text.Json;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

namespace Keel.Tuning;

/// <summary>An optimization: a named set of trials in a storage, a direction, a sampler and a pruner
/// (Optuna's <c>Study</c>).</summary>
/// <remarks>
/// <code>
/// var study = Study.Create("mlp", StudyDirection.Minimize, new StudyOptions { Seed = 42 });
/// study.Optimize(trial => Train(trial.SuggestFloat("lr", 1e-4, 1, log: true), trial), trials: 50);
/// Console.WriteLine(study.BestParams["lr"]);
/// </code>
/// Opening a study that exists in the storage resumes it (Optuna's <c>load_if_exists=True</c>);
/// several processes may open the same study in a shared storage and optimize it together.
/// </remarks>
public sealed class Study
{
    private readonly int _id;
    private readonly TimeSpan _staleGrace;
    private readonly HeartbeatTimers _heartbeats;
    private volatile bool _stopped;

    private Study(string name, StudyDirection direction, StudyOptions options)
    {
        Name = name;
        Direction = direction;
        Storage = options.Storage ?? new InMemoryStorage();
        Sampler = options.Sampler ?? new TpeSampler();
        Pruner = options.Pruner ?? new MedianPruner();
        Seed = options.Seed;
        _staleGrace = options.StaleGrace;
        _heartbeats = new HeartbeatTimers(Storage, options.HeartbeatInterval);
        _id = Storage.OpenStudy(name, direction);
        FailStaleTrials();
    }

    /// <summary>Creates the study, or opens it when the storage has one of that name (failing stale trials).</summary>
    /// <exception cref="InvalidOperationException">The stored study has the other direction.</exception>
    public static Study Create(string name, StudyDirection direction = StudyDirection.Minimize, StudyOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Study(name, direction, options ?? new StudyOptions());
    }

    /// <summary>The study's name, unique in its storage.</summary>
    public string Name { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public StudyDirection Direction { get; }

    /// <summary>Where the trials live.</summary>
    public IStudyStorage Storage { get; }

    /// <summary>Proposes parameter values.</summary>
    public ISampler Sampler { get; }

    /// <summary>Stops unpromising trials.</summary>
    public IPruner Pruner { get; }

    /// <summary>The seed every trial's seed derives from.</summary>
    public long Seed { get; }

    /// <summary>All trials, by number, as the storage has them now.</summary>
    public IReadOnlyList<FrozenTrial> Trials => Storage.GetTrials(_id);

    /// <summary>The complete trial with the best value (the earliest among ties).</summary>
    /// <exception cref="InvalidOperationException">No trial has completed.</exception>
    public FrozenTrial BestTrial
    {
        get
        {
            var complete = Trials.Where(t => t.State == TrialState.Complete).ToList();
            if (complete.Count == 0) throw new InvalidOperationException($"Study '{Name}' has no complete trial yet.");
            return Direction == StudyDirection.Minimize ? complete.MinBy(t => t.Value)! : complete.MaxBy(t => t.Value)!;
        }
    }

    /// <summary>The best trial's value.</summary>
    public double BestValue => BestTrial.Value ?? double.NaN;

    /// <summary>The best trial's parameters, as the objective saw them.</summary>
    public IReadOnlyDictionary<string, object> BestParams => BestTrial.ExternalParams;

    /// <summary>Runs the objective on new trials until <paramref name="trials"/> have run here, the
    /// <paramref name="timeout"/> has passed, or <see cref="Stop"/> is called (Optuna's <c>optimize</c>).</summary>
    /// <remarks>
    /// <paramref name="parallelism"/> threads run trials at once (Optuna's <c>n_jobs</c>); the trial
    /// budget counts trials started by this call on all of them. An objective that throws
    /// <see cref="TrialPrunedException"/> ends its trial as pruned; any other exception marks the trial
    /// failed with the exception's text and, unless <paramref name="catchExceptions"/>, stops the study
    /// and is rethrown once the other threads finish their trials. A NaN return fails the trial.
    /// </remarks>
    public void Optimize(Func<Trial, double> objective, int? trials = null, TimeSpan? timeout = null,
        int parallelism = 1, bool catchExceptions = false)
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (trials is < 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "The number of trials must be ≥ 0.");
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _stopped = false;
        var deadline = timeout is { } t ? DateTime.UtcNow + t : DateTime.MaxValue;
        int started = 0;
        Exception? failure = null;
        void Work()
        {
            while (!_stopped && DateTime.UtcNow < deadline && (trials is null || Interlocked.Increment(ref started) <= trials))
            {
                Exception? error;
                try
                {
                    error = RunTrial(objective, catchExceptions);
                }
                catch (Exception e)
                {
                    error = e; // the storage or sampler failed outside the objective
                }
                if (error is null) continue;
                Interlocked.CompareExchange(ref failure, error, null);
                _stopped = true;
            }
        }
        if (parallelism == 1) Work();
        else Task.WaitAll([.. Enumerable.Range(0, parallelism).Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning))]);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Asks running <see cref="Optimize"/> calls to start no further trials.</summary>
    public void Stop() => _stopped = true;

    /// <summary>Enqueues a trial whose parameters take the given values (a manual trial, Optuna's <c>enqueue_trial</c>).</summary>
    /// <remarks>Values are numbers or categorical choices, matched by invariant text; parameters not
    /// given are sampled as usual. Enqueued trials run before new ones, oldest first.</remarks>
    public void EnqueueTrial(IReadOnlyDictionary<string, object> parameters)
    {
        var texts = parameters.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Storage.EnqueueTrial(_id, new Dictionary<string, string> { [Trial.FixedParamsKey] = JsonSerializer.Serialize(texts) });
    }

    /// <summary>Starts a trial (Optuna's <c>ask</c>): fails stale trials, then claims an enqueued
    /// trial or creates a new one, and starts its heartbeat. End it with <see cref="Tell"/>.</summary>
    public Trial Ask()
    {
        FailStaleTrials();
        var frozen = Storage.StartTrial(_id);
        var trial = new Trial(this, frozen, Storage.GetTrials(_id));
        _heartbeats.Start(trial.Id);
        Sampler.BeforeTrial(trial.SamplerContext);
        return trial;
    }

    /// <summary>Finishes a trial (Optuna's <c>tell</c>). A complete trial with a NaN or missing value is
    /// recorded as failed; a pruned trial takes its last reported value.</summary>
    public FrozenTrial Tell(Trial trial, TrialState state, double? value = null, string? error = null)
    {
        _heartbeats.Stop(trial.Id);
        if (state == TrialState.Complete && (value is null || double.IsNaN(value.Value)))
            (state, error) = (TrialState.Failed, error ?? $"The objective returned {(value is null ? "no value" : "NaN")}.");
        if (state == TrialState.Pruned) value = trial.IntermediateValues.Count == 0 ? null : trial.IntermediateValues.Last().Value;
        if (state == TrialState.Failed) value = null;
        Storage.FinishTrial(trial.Id, state, value, error);
        var finished = Trials.Single(t => t.Number == trial.Number);
        Sampler.AfterTrial(trial.SamplerContext, finished);
        return finished;
    }

    /// <summary>Marks failed the running trials whose heartbeat is older than the stale grace; returns their numbers.</summary>
    public IReadOnlyList<int> FailStaleTrials() => Storage.FailStaleTrials(_id, _staleGrace);

    /// <summary>Writes every trial as CSV (see <see cref="TrialsCsv"/>).</summary>
    public void ExportCsv(TextWriter writer) => TrialsCsv.Write(Trials, writer);

    /// <summary>Writes every trial as CSV to <paramref name="path"/>, atomically (a temporary file, flushed, then renamed).</summary>
    public void ExportCsv(string path)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            ExportCsv(writer);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private Exception? RunTrial(Func<Trial, double> objective, bool catchExceptions)
    {
        var trial = Ask();
        (TrialState State, double? Value, string? Error, Exception? Rethrow) outcome;
        try
        {
            outcome = (TrialState.Complete, objective(trial), null, null);
        }
        catch (TrialPrunedException)
        {
            outcome = (TrialState.Pruned, null, null, null);
        }
        catch (Exception e)
        {
            outcome = (TrialState.Failed, null, $"{e.GetType().Name}: {e.Message}", catchExceptions ? null : e);
        }
        try
        {
            Tell(trial, outcome.State, outcome.Value, outcome.Error);
        }
        catch (InvalidOperationException) when (Trials.Single(t => t.Number == trial.Number).IsFinished)
        {
            // The trial outlived its heartbeat grace and another worker already marked it failed.
        }
        return outcome.Rethrow;
    }
}
