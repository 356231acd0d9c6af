namespace Keel.Tuning.Tests;

/// <summary>Where the PostgreSQL tests find their server: the <c>KEEL_TEST_POSTGRES</c> connection
/// string, which <c>.ci/run</c> sets after installing and starting PostgreSQL.</summary>
/// <remarks>
/// Outside CI, a machine without the variable skips the PostgreSQL tests. In CI (<c>CI=true</c>)
/// they never skip: a missing server fails them.
/// </remarks>
public static class PostgresServer
{
    /// <summary>The environment variable holding the Npgsql connection string.</summary>
    public const string Variable = "KEEL_TEST_POSTGRES";

    /// <summary>Why PostgreSQL tests are skipped here, or null when they must run.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"{Variable} is not set (.ci/run sets it); outside CI the PostgreSQL tests are skipped.";

    /// <summary>The connection string; throws (failing the test) when the variable is not set.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set; .ci/run installs PostgreSQL and sets it.");
}

/// <summary>A [Fact] that needs PostgreSQL: skipped at discovery only when <c>KEEL_TEST_POSTGRES</c>
/// is unset and <c>CI</c> is not <c>true</c>; in CI a missing server fails the test, never skips it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> from <see cref="PostgresServer.SkipReason"/>.</summary>
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}
