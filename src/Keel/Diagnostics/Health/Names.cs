using System.Text.Json;

namespace Keel.Diagnostics;

/// <summary>The snake-case names findings use in JSON, tables and HTML (<c>dead_units</c>, <c>lr_too_high</c>, <c>critical</c>).</summary>
public static class Names
{
    /// <summary>The name of a finding kind.</summary>
    public static string Of(FindingKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The name of a severity.</summary>
    public static string Of(Severity severity) => JsonNamingPolicy.SnakeCaseLower.ConvertName(severity.ToString());
}
