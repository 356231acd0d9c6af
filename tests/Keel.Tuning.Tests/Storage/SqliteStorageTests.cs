using Keel.Tuning.Storage;
using Microsoft.Data.Sqlite;

namespace Keel.Tuning.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("keel-sqlite-").FullName, "study.db");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void Trials_survive_reopening_the_file_and_the_journal_is_wal()
    {
        using (var first = new SqliteStorage(_path))
        {
            int study = first.OpenStudy("s", StudyDirection.Minimize);
            first.FinishTrial(first.StartTrial(study).Id, TrialState.Complete, 0.5, null);
        }
        using var second = new SqliteStorage(_path);
        var trial = second.GetTrials(second.OpenStudy("s", StudyDirection.Minimize)).Single();
        Assert.Equal((TrialState.Complete, 0.5), (trial.State, trial.Value!.Value));
        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void A_file_with_another_schema_version_is_refused_by_name()
    {
        new SqliteStorage(_path).Dispose();
        Scalar("UPDATE keel_schema SET version = 99");
        var e = Assert.Throws<InvalidOperationException>(() => new SqliteStorage(_path));
        Assert.Contains($"'{_path}' holds tuning schema version 99", e.Message);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
