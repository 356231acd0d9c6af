using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Keel.Tuning.Storage;

/// <summary>One SQLite file, in write-ahead-log mode; safe for several processes on one machine.</summary>
/// <remarks>
/// Writes run in <c>BEGIN IMMEDIATE</c> transactions, so one writer at a time holds the file and
/// the others wait (up to 30 s) instead of failing; readers are never blocked (WAL). With
/// <c>synchronous=NORMAL</c>, SQLite's advice for WAL, a committed trial survives any process crash
/// and the file is never corrupted; only a power cut may lose the last commits. SQLite stores
/// NaN as NULL; a NaN intermediate value reads back as NaN.
/// </remarks>
public sealed class SqliteStorage : SqlStorage
{
    private readonly string _connectionString;

    /// <summary>Opens or creates the database file at <paramref name="path"/>.</summary>
    public SqliteStorage(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path, Pooling = true, DefaultTimeout = 30, Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL";
            command.ExecuteNonQuery();
        }
        InitializeSchema($"SQLite file '{Path}'");
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc/>
    protected override string IdColumn => "INTEGER PRIMARY KEY";

    /// <inheritdoc/>
    protected override string RealType => "REAL";

    /// <inheritdoc/>
    protected override string Now => "((julianday('now') - 2440587.5) * 86400.0)";

    /// <inheritdoc/>
    protected override DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc/>
    protected override DbTransaction BeginRead(DbConnection connection) =>
        ((SqliteConnection)connection).BeginTransaction(deferred: true);
}
