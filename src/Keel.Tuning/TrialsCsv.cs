using System.Globalization;

namespace Keel.Tuning;

/// <summary>All trials of a study as CSV, one row per trial (as Optuna's <c>trials_dataframe</c>).</summary>
/// <remarks>
/// Columns: <c>number, state, value, params_NAME…</c> (every parameter any trial has, sorted by name;
/// empty where a trial lacks it), <c>duration_seconds, datetime_start, datetime_complete, error</c>.
/// Numbers use the invariant culture and round-trip formatting; times are ISO 8601 UTC. Fields with
/// commas, quotes or line breaks are quoted as RFC 4180 says.
/// </remarks>
public static class TrialsCsv
{
    /// <summary>Writes <paramref name="trials"/> to <paramref name="writer"/>.</summary>
    public static void Write(IReadOnlyList<FrozenTrial> trials, TextWriter writer)
    {
        var names = trials.SelectMany(t => t.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        string[] header = ["number", "state", "value", .. names.Select(n => "params_" + n), "duration_seconds", "datetime_start", "datetime_complete", "error"];
        writer.WriteLine(string.Join(',', header.Select(Quote)));
        foreach (var t in trials)
        {
            string[] row =
            [
                t.Number.ToString(CultureInfo.InvariantCulture),
                t.State.ToString(),
                t.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "",
                .. names.Select(n => t.Params.TryGetValue(n, out double p) ? t.Distributions[n].Format(p) : ""),
                t.Duration is { } d ? d.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) : "",
                t.Started?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                t.Completed?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                t.Error ?? "",
            ];
            writer.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
