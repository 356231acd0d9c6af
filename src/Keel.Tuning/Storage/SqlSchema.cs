namespace Keel.Tuning.Storage;

/// <summary>The tables shared by the SQL storages, written once with the dialect's column types.</summary>
/// <remarks>
/// Times are seconds since the Unix epoch as floating point, read from the database's own clock,
/// so that workers on machines with skewed clocks agree on heartbeats. <c>keel_schema</c> holds
/// <see cref="Version"/>; a database written by another version is refused, never migrated silently.
/// </remarks>
internal static class SqlSchema
{
    /// <summary>The layout version this code reads and writes.</summary>
    public const int Version = 1;

    public static string[] Statements(string idColumn, string real) =>
    [
        "CREATE TABLE IF NOT EXISTS keel_schema (version INTEGER NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS keel_studies (study_id {idColumn}, name TEXT NOT NULL UNIQUE, direction INTEGER NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS keel_trials (
            trial_id {idColumn}, study_id BIGINT NOT NULL REFERENCES keel_studies (study_id),
            number INTEGER NOT NULL, state INTEGER NOT NULL, value {real}, error TEXT,
            started {real}, completed {real}, heartbeat {real}, UNIQUE (study_id, number))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS keel_trial_params (
            trial_id BIGINT NOT NULL REFERENCES keel_trials (trial_id), name TEXT NOT NULL,
            value {real} NOT NULL, distribution TEXT NOT NULL, PRIMARY KEY (trial_id, name))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS keel_trial_values (
            trial_id BIGINT NOT NULL REFERENCES keel_trials (trial_id), step INTEGER NOT NULL,
            value {real}, PRIMARY KEY (trial_id, step))
        """,
        """
        CREATE TABLE IF NOT EXISTS keel_trial_attrs (
            trial_id BIGINT NOT NULL REFERENCES keel_trials (trial_id), key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (trial_id, key))
        """,
        "CREATE INDEX IF NOT EXISTS keel_trials_by_state ON keel_trials (study_id, state)",
    ];
}
