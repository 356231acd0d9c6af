using System.Globalization;

namespace Keel.Diagnostics;

/// <summary>Series the detectors read from a log, and how findings print numbers.</summary>
internal static class LogQueries
{
    /// <summary>A number in three significant digits, invariant culture.</summary>
    public static string N(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with no decimals.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The probes from the middle of the run on (all of them when there are fewer than four), where early transients have passed.</summary>
    public static IReadOnlyList<ProbeRecord> LaterHalf(DiagnosticsLog log)
        => log.Probes.Count < 4 ? log.Probes : [.. log.Probes.Skip(log.Probes.Count / 2)];

    /// <summary>The layer (<c>layers.2</c>) a parameter (<c>layers.2.weight</c>) belongs to.</summary>
    public static string LayerOf(string parameter)
    {
        int dot = parameter.LastIndexOf('.');
        return dot < 0 ? parameter : parameter[..dot];
    }

    /// <summary>
    /// The names of the dense weight matrices in order: weights whose layer is not an embedding
    /// (an embedding's gradient touches only the rows of the batch's tokens, so its statistics are
    /// not comparable with a dense layer's).
    /// </summary>
    public static IReadOnlyList<string> DenseWeights(DiagnosticsLog log)
    {
        if (log.Probes.Count == 0) return [];
        var first = log.Probes[0];
        var types = first.Layers.ToDictionary(l => l.Name, l => l.Type);
        return [.. first.Parameters.Where(p => p.IsWeight
            && !(types.TryGetValue(LayerOf(p.Name), out var type) && type.StartsWith("Embedding", StringComparison.Ordinal)))
            .Select(p => p.Name)];
    }

    /// <summary>The values a selector gives for one parameter over <paramref name="probes"/>, skipping nulls and non-finite values.</summary>
    public static IEnumerable<double> ParameterSeries(IEnumerable<ProbeRecord> probes, string name, Func<ParameterStats, float?> select)
        => probes.SelectMany(p => p.Parameters.Where(q => q.Name == name))
            .Select(select).Where(v => v is { } x && float.IsFinite(x)).Select(v => (double)v!.Value);

    /// <summary>The values a selector gives for one layer over <paramref name="probes"/>, skipping nulls and non-finite values.</summary>
    public static IEnumerable<double> LayerSeries(IEnumerable<ProbeRecord> probes, string name, Func<LayerStats, float?> select)
        => probes.SelectMany(p => p.Layers.Where(q => q.Name == name))
            .Select(select).Where(v => v is { } x && float.IsFinite(x)).Select(v => (double)v!.Value);
}
