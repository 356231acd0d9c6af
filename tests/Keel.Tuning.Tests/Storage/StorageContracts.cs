using Keel.Tuning.Storage;

namespace Keel.Tuning.Tests.Storage;

public sealed class InMemoryStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new InMemoryStorage();
}

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("keel-sqlite-").FullName;

    protected override IStudyStorage CreateStorage() => new SqliteStorage(Path.Combine(_folder, "study.db"));

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

[RequiresPostgres]
public sealed class PostgresStorageContractTests : StorageContractTests
{
    protected override IStudyStorage CreateStorage() => new PostgresStorage(PostgresServer.ConnectionString);
}
