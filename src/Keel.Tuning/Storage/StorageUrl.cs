namespace Keel.Tuning.Storage;

/// <summary>Opens a storage from a URL, as <c>keel tune --storage</c> takes it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>null, empty or <c>memory</c>: <see cref="InMemoryStorage"/>.</item>
/// <item><c>sqlite:///path.db</c>: <see cref="SqliteStorage"/> on <c>path.db</c> (relative to the working
/// folder; <c>sqlite:////abs/path.db</c> for an absolute path, as SQLAlchemy and Optuna write it).</item>
/// <item><c>postgresql://user:pass@host:port/db</c> (or <c>postgres://</c>): <see cref="PostgresStorage"/>;
/// the port defaults to 5432.</item>
/// </list>
/// </remarks>
public static class StorageUrl
{
    /// <summary>Opens the storage <paramref name="url"/> names.</summary>
    /// <exception cref="ArgumentException">The URL has an unknown scheme or misses a part.</exception>
    public static IStudyStorage Open(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url == "memory") return new InMemoryStorage();
        if (url.StartsWith("sqlite:///", StringComparison.Ordinal))
        {
            string path = url["sqlite:///".Length..];
            if (path.Length == 0) throw new ArgumentException($"Storage URL '{url}' names no file.");
            return new SqliteStorage(path);
        }
        if (url.StartsWith("postgresql://", StringComparison.Ordinal) || url.StartsWith("postgres://", StringComparison.Ordinal))
            return new PostgresStorage(ToNpgsql(url));
        throw new ArgumentException(
            $"Unknown storage URL '{url}': use memory, sqlite:///path.db or postgresql://user:pass@host:port/db.");
    }

    /// <summary>Turns <c>postgresql://user:pass@host:port/db</c> into an Npgsql connection string.</summary>
    public static string ToNpgsql(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.AbsolutePath.Trim('/').Length == 0)
            throw new ArgumentException($"Storage URL '{url}' must look like postgresql://user:pass@host:port/db.");
        string[] user = uri.UserInfo.Split(':', 2);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
        };
        if (user[0].Length > 0) builder.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) builder.Password = Uri.UnescapeDataString(user[1]);
        return builder.ConnectionString;
    }
}
