using Keel.Tuning.Storage;

namespace Keel.Tuning.Tests.Storage;

public sealed class StorageUrlTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("memory")]
    public void No_url_or_memory_opens_an_in_memory_storage(string? url) =>
        Assert.IsType<InMemoryStorage>(StorageUrl.Open(url));

    [Fact]
    public void Sqlite_url_opens_the_file_it_names()
    {
        string folder = Directory.CreateTempSubdirectory("keel-url-").FullName;
        try
        {
            string path = Path.Combine(folder, "s.db");
            using var storage = Assert.IsType<SqliteStorage>(StorageUrl.Open("sqlite:///" + path));
            Assert.Equal(path, storage.Path);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Postgres_url_becomes_an_npgsql_connection_string()
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(StorageUrl.ToNpgsql("postgresql://keel:p%40ss@db.example:6543/tuning"));
        Assert.Equal(("db.example", 6543, "keel", "p@ss", "tuning"), (b.Host, b.Port, b.Username, b.Password, b.Database));
        Assert.Equal(5432, new Npgsql.NpgsqlConnectionStringBuilder(StorageUrl.ToNpgsql("postgres://u@h/d")).Port);
    }

    [Theory]
    [InlineData("mysql://u@h/d", "Unknown storage URL 'mysql://u@h/d'")]
    [InlineData("sqlite:///", "names no file")]
    [InlineData("postgresql://u@h", "must look like postgresql://")]
    public void Bad_urls_are_refused_with_a_message_naming_them(string url, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => StorageUrl.Open(url)).Message);
}
