using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Storage;

/// <summary>Keeps studies in this process only (Optuna's <c>InMemoryStorage</c>); one lock guards all.</summary>
public sealed class InMemoryStorage : IStudyStorage
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, StudyDirection Direction)> _studies = [];
    private readonly List<Record> _trials = [];

    /// <inheritdoc/>
    public int OpenStudy(string name, StudyDirection direction)
    {
        lock (_lock)
        {
            int id = _studies.FindIndex(s => s.Name == name);
            if (id >= 0)
            {
                StudyMismatch.ThrowIfDifferent(name, _studies[id].Direction, direction);
                return id;
            }
            _studies.Add((name, direction));
            return _studies.Count - 1;
        }
    }

    /// <inheritdoc/>
    public void EnqueueTrial(int studyId, IReadOnlyDictionary<string, string> systemAttrs)
    {
        lock (_lock)
        {
            var record = NewRecord(studyId, TrialState.Waiting);
            foreach (var (key, value) in systemAttrs) record.Attrs[key] = value;
            record.Changed();
        }
    }

    /// <inheritdoc/>
    public FrozenTrial StartTrial(int studyId)
    {
        lock (_lock)
        {
            var record = _trials.FirstOrDefault(t => t.StudyId == studyId && t.State == TrialState.Waiting)
                ?? NewRecord(studyId, TrialState.Waiting);
            record.State = TrialState.Running;
            record.Started = record.Heartbeat = DateTime.UtcNow;
            record.Changed();
            return record.Freeze();
        }
    }

    /// <inheritdoc/>
    public void SetParam(long trialId, string name, double internalValue, ParameterDistribution distribution) =>
        Update(trialId, r => { r.Params[name] = internalValue; r.Distributions[name] = distribution; });

    /// <inheritdoc/>
    public void SetIntermediateValue(long trialId, int step, double value) =>
        Update(trialId, r => r.Intermediate[step] = value);

    /// <inheritdoc/>
    public void SetSystemAttr(long trialId, string key, string value) => Update(trialId, r => r.Attrs[key] = value);

    /// <inheritdoc/>
    public void Heartbeat(long trialId) => Update(trialId, r => r.Heartbeat = DateTime.UtcNow);

    /// <inheritdoc/>
    public void FinishTrial(long trialId, TrialState state, double? value, string? error)
    {
        FinishedState.ThrowIfNotFinal(state);
        Update(trialId, r =>
        {
            r.State = state;
            r.Value = value;
            r.Error = error;
            r.Completed = DateTime.UtcNow;
        });
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan grace)
    {
        lock (_lock)
        {
            var limit = DateTime.UtcNow - grace;
            var stale = _trials.Where(t => t.StudyId == studyId && t.State == TrialState.Running && t.Heartbeat < limit).ToList();
            foreach (var t in stale)
            {
                t.State = TrialState.Failed;
                t.Error = FinishedState.StaleError(grace);
                t.Completed = DateTime.UtcNow;
                t.Changed();
            }
            return [.. stale.Select(t => t.Number)];
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<FrozenTrial> GetTrials(int studyId)
    {
        lock (_lock)
            return [.. _trials.Where(t => t.StudyId == studyId).Select(t => t.Freeze())];
    }

    private Record NewRecord(int studyId, TrialState state)
    {
        if (studyId < 0 || studyId >= _studies.Count)
            throw new ArgumentException($"No study with id {studyId}.");
        var record = new Record(_trials.Count, studyId, _trials.Count(t => t.StudyId == studyId)) { State = state };
        _trials.Add(record);
        return record;
    }

    private void Update(long trialId, Action<Record> change)
    {
        lock (_lock)
        {
            if (trialId < 0 || trialId >= _trials.Count)
                throw new ArgumentException($"No trial with id {trialId}.");
            var record = _trials[(int)trialId];
            if (record.State != TrialState.Running)
                throw FinishedState.NotRunning(record.Number, record.State);
            change(record);
            record.Changed();
        }
    }

    /// <summary>A trial's mutable state; its snapshot is cached until the next change, so that
    /// reading a study (every pruning check does) does not copy unchanged trials.</summary>
    private sealed class Record(long id, int studyId, int number)
    {
        private FrozenTrial? _frozen;

        public long Id { get; } = id;
        public int StudyId { get; } = studyId;
        public int Number { get; } = number;
        public TrialState State { get; set; }
        public double? Value { get; set; }
        public string? Error { get; set; }
        public DateTime? Started { get; set; }
        public DateTime? Completed { get; set; }
        public DateTime Heartbeat { get; set; }
        public Dictionary<string, double> Params { get; } = [];
        public Dictionary<string, ParameterDistribution> Distributions { get; } = [];
        public SortedDictionary<int, double> Intermediate { get; } = [];
        public Dictionary<string, string> Attrs { get; } = [];

        public void Changed() => _frozen = null;

        public FrozenTrial Freeze() => _frozen ??= new(Id, Number, State, Value, new Dictionary<string, double>(Params),
            new Dictionary<string, ParameterDistribution>(Distributions), new SortedDictionary<int, double>(Intermediate),
            new Dictionary<string, string>(Attrs), Started, Completed, Error);
    }
}
