using System.Data.Common;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Storage;

/// <summary>The storage algorithm both SQL databases share; subclasses give connections and dialect.</summary>
/// <remarks>
/// Every operation opens a pooled connection and runs in one transaction. A new trial number is
/// <c>max(number) + 1</c> taken while the study's row is locked by a no-op update (a row lock in
/// PostgreSQL, the write lock in SQLite), and <c>UNIQUE (study_id, number)</c> backs it up, so
/// concurrent workers never share a number. Writes to a trial first lock its row and check that it
/// is still running, so a trial already marked failed as stale cannot be changed afterwards.
/// </remarks>
public abstract class SqlStorage : IStudyStorage, IDisposable
{
    private const string LockStudy = "UPDATE keel_studies SET direction = direction WHERE study_id = @s";
    private const string LockRunningTrial = "UPDATE keel_trials SET state = state WHERE trial_id = @t AND state = 0";

    private protected SqlStorage()
    {
    }

    /// <summary>Closes the pooled connections this storage holds.</summary>
    public abstract void Dispose();

    /// <summary>An open connection.</summary>
    protected abstract DbConnection Open();

    /// <summary>The column definition of an auto-numbered 64-bit primary key.</summary>
    protected abstract string IdColumn { get; }

    /// <summary>The type name of a double-precision column.</summary>
    protected abstract string RealType { get; }

    /// <summary>An expression for the database clock in seconds since the Unix epoch.</summary>
    protected abstract string Now { get; }

    /// <summary>A statement that serializes schema creation across processes, or null.</summary>
    protected virtual string? SchemaLock => null;

    /// <summary>Begins a transaction for reading only.</summary>
    protected virtual DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction();

    /// <summary>Creates the tables if needed and checks the schema version; call once from the constructor.</summary>
    /// <exception cref="InvalidOperationException">The database holds another schema version.</exception>
    protected void InitializeSchema(string where) => Run(db =>
    {
        if (SchemaLock is { } sql) db.Execute(sql);
        foreach (var statement in SqlSchema.Statements(IdColumn, RealType)) db.Execute(statement);
        object? version = db.Scalar("SELECT version FROM keel_schema");
        if (version is null) db.Execute("INSERT INTO keel_schema (version) VALUES (@v)", ("v", SqlSchema.Version));
        else if (Convert.ToInt32(version) != SqlSchema.Version)
            throw new InvalidOperationException(
                $"{where} holds tuning schema version {version}; this version of Keel reads version {SqlSchema.Version}.");
    });

    /// <inheritdoc/>
    public int OpenStudy(string name, StudyDirection direction) => Run(db =>
    {
        db.Execute("INSERT INTO keel_studies (name, direction) VALUES (@n, @d) ON CONFLICT (name) DO NOTHING",
            ("n", name), ("d", (int)direction));
        using var reader = db.Query("SELECT study_id, direction FROM keel_studies WHERE name = @n", ("n", name));
        reader.Read();
        int id = Convert.ToInt32(reader.GetValue(0));
        StudyMismatch.ThrowIfDifferent(name, (StudyDirection)Convert.ToInt32(reader.GetValue(1)), direction);
        return id;
    });

    /// <inheritdoc/>
    public void EnqueueTrial(int studyId, IReadOnlyDictionary<string, string> systemAttrs) => Run(db =>
    {
        LockStudyRow(db, studyId);
        long id = Convert.ToInt64(db.Scalar(
            $"INSERT INTO keel_trials (study_id, number, state) VALUES (@s, {NextNumber}, {(int)TrialState.Waiting}) RETURNING trial_id",
            ("s", studyId)));
        foreach (var (key, value) in systemAttrs)
            db.Execute("INSERT INTO keel_trial_attrs (trial_id, key, value) VALUES (@t, @k, @v)", ("t", id), ("k", key), ("v", value));
    });

    /// <inheritdoc/>
    public FrozenTrial StartTrial(int studyId) => Run(db =>
    {
        LockStudyRow(db, studyId);
        object? waiting = db.Scalar(
            $"SELECT trial_id FROM keel_trials WHERE study_id = @s AND state = {(int)TrialState.Waiting} ORDER BY number LIMIT 1",
            ("s", studyId));
        long id;
        if (waiting is null)
        {
            id = Convert.ToInt64(db.Scalar(
                $"INSERT INTO keel_trials (study_id, number, state, started, heartbeat) VALUES (@s, {NextNumber}, 0, {Now}, {Now}) RETURNING trial_id",
                ("s", studyId)));
        }
        else
        {
            id = Convert.ToInt64(waiting);
            db.Execute($"UPDATE keel_trials SET state = 0, started = {Now}, heartbeat = {Now} WHERE trial_id = @t", ("t", id));
        }
        return SqlTrialReader.Read(db, "t.trial_id = @id", ("id", id)).Single();
    });

    /// <inheritdoc/>
    public void SetParam(long trialId, string name, double internalValue, ParameterDistribution distribution) =>
        WriteRunning(trialId, db => db.Execute(
            """
            INSERT INTO keel_trial_params (trial_id, name, value, distribution) VALUES (@t, @n, @v, @d)
            ON CONFLICT (trial_id, name) DO UPDATE SET value = excluded.value, distribution = excluded.distribution
            """,
            ("t", trialId), ("n", name), ("v", internalValue), ("d", distribution.ToJson())));

    /// <inheritdoc/>
    public void SetIntermediateValue(long trialId, int step, double value) =>
        WriteRunning(trialId, db => db.Execute(
            """
            INSERT INTO keel_trial_values (trial_id, step, value) VALUES (@t, @s, @v)
            ON CONFLICT (trial_id, step) DO UPDATE SET value = excluded.value
            """,
            ("t", trialId), ("s", step), ("v", double.IsNaN(value) ? null : value)));

    /// <inheritdoc/>
    public void SetSystemAttr(long trialId, string key, string value) =>
        WriteRunning(trialId, db => db.Execute(
            """
            INSERT INTO keel_trial_attrs (trial_id, key, value) VALUES (@t, @k, @v)
            ON CONFLICT (trial_id, key) DO UPDATE SET value = excluded.value
            """,
            ("t", trialId), ("k", key), ("v", value)));

    /// <inheritdoc/>
    public void Heartbeat(long trialId) =>
        WriteRunning(trialId, db => db.Execute($"UPDATE keel_trials SET heartbeat = {Now} WHERE trial_id = @t", ("t", trialId)));

    /// <inheritdoc/>
    public void FinishTrial(long trialId, TrialState state, double? value, string? error)
    {
        FinishedState.ThrowIfNotFinal(state);
        WriteRunning(trialId, db => db.Execute(
            $"UPDATE keel_trials SET state = @st, value = @v, error = @e, completed = {Now} WHERE trial_id = @t",
            ("t", trialId), ("st", (int)state), ("v", value), ("e", error)));
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> FailStaleTrials(int studyId, TimeSpan grace) => Run(db =>
    {
        var numbers = new List<int>();
        using var reader = db.Query(
            $"""
            UPDATE keel_trials SET state = {(int)TrialState.Failed}, error = @e, completed = {Now}
            WHERE study_id = @s AND state = 0 AND heartbeat < {Now} - @g RETURNING number
            """,
            ("s", studyId), ("g", grace.TotalSeconds), ("e", FinishedState.StaleError(grace)));
        while (reader.Read()) numbers.Add(Convert.ToInt32(reader.GetValue(0)));
        numbers.Sort();
        return numbers;
    });

    /// <inheritdoc/>
    public IReadOnlyList<FrozenTrial> GetTrials(int studyId) =>
        Run(db => SqlTrialReader.Read(db, "t.study_id = @s", ("s", studyId)), readOnly: true);

    private const string NextNumber = "(SELECT COALESCE(MAX(number), -1) + 1 FROM keel_trials WHERE study_id = @s)";

    private static void LockStudyRow(SqlSession db, int studyId)
    {
        if (db.Execute(LockStudy, ("s", studyId)) == 0)
            throw new ArgumentException($"No study with id {studyId}.");
    }

    private void WriteRunning(long trialId, Action<SqlSession> write) => Run(db =>
    {
        if (db.Execute(LockRunningTrial, ("t", trialId)) == 0)
        {
            using var reader = db.Query("SELECT number, state FROM keel_trials WHERE trial_id = @t", ("t", trialId));
            if (!reader.Read()) throw new ArgumentException($"No trial with id {trialId}.");
            throw FinishedState.NotRunning(Convert.ToInt32(reader.GetValue(0)), (TrialState)Convert.ToInt32(reader.GetValue(1)));
        }
        write(db);
        return 0;
    });

    private T Run<T>(Func<SqlSession, T> work, bool readOnly = false)
    {
        using var connection = Open();
        using var transaction = readOnly ? BeginRead(connection) : connection.BeginTransaction();
        T result = work(new SqlSession(connection, transaction));
        transaction.Commit();
        return result;
    }

    private void Run(Action<SqlSession> work) => Run(db => { work(db); return 0; });
}
