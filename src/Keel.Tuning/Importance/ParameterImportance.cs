using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Importance;

/// <summary>How much of the objective's variance each parameter explains on its own, over the complete trials.</summary>
/// <remarks>
/// For each parameter, the complete trials that have it are grouped: by choice for a categorical,
/// otherwise into <c>B = clamp(⌊n / 4⌋, 2, 5)</c> bins of equal count by the value (its logarithm for a
/// log-scale range). The parameter's score is the correlation ratio
/// <code>η² = Σ_g n_g (ȳ_g − ȳ)² / Σ_i (y_i − ȳ)²</code>
/// the share of the objective's variance explained by the group means: an estimate of the first-order
/// Sobol index, which is what Optuna's default importance evaluator (fANOVA, Hutter et al., 2014)
/// estimates with a random forest's marginals. Interactions are ignored, and with few trials η² is
/// biased upwards (B groups explain about (B − 1) / (n − 1) of pure noise). Scores are normalized to
/// sum to 1, as Optuna's are. Fewer than 4 complete trials, or an objective that never varies, gives
/// no scores.
/// </remarks>
public static class ParameterImportance
{
    /// <summary>Each parameter's normalized importance, largest first.</summary>
    public static IReadOnlyList<(string Name, double Importance)> Evaluate(IReadOnlyList<FrozenTrial> trials)
    {
        var complete = trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v)).ToList();
        if (complete.Count < 4) return [];
        var names = complete.SelectMany(t => t.Params.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var raw = names.Select(n => (Name: n, Score: CorrelationRatio(complete.Where(t => t.Params.ContainsKey(n)).ToList(), n))).ToList();
        double total = raw.Sum(r => r.Score);
        if (!(total > 0)) return [];
        return [.. raw.Select(r => (r.Name, r.Score / total)).OrderByDescending(r => r.Item2).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>η² of the objective grouped by one parameter's value.</summary>
    internal static double CorrelationRatio(IReadOnlyList<FrozenTrial> trials, string name)
    {
        if (trials.Count < 2) return 0;
        var distribution = trials[0].Distributions[name];
        var points = trials.Select(t => (X: Transform(distribution, t.Params[name]), Y: t.Value!.Value)).OrderBy(p => p.X).ToList();
        double mean = points.Average(p => p.Y);
        double total = points.Sum(p => (p.Y - mean) * (p.Y - mean));
        if (!(total > 0)) return 0;
        IEnumerable<IEnumerable<double>> groups = distribution is CategoricalDistribution
            ? points.GroupBy(p => p.X).Select(g => g.Select(p => p.Y))
            : Bins(points.Select(p => p.Y).ToList(), Math.Clamp(points.Count / 4, 2, 5));
        double between = groups.Select(g => g.ToList()).Sum(g => g.Count * (g.Average() - mean) * (g.Average() - mean));
        return Math.Clamp(between / total, 0, 1);
    }

    private static double Transform(ParameterDistribution distribution, double value) =>
        distribution is CategoricalDistribution ? value : NumericRange.Of(distribution).Transform(value);

    /// <summary>Splits values already sorted by the parameter into <paramref name="count"/> runs of (nearly) equal length.</summary>
    private static IEnumerable<IEnumerable<double>> Bins(IReadOnlyList<double> sorted, int count) =>
        Enumerable.Range(0, count).Select(b => sorted.Skip(b * sorted.Count / count).Take((b + 1) * sorted.Count / count - b * sorted.Count / count));
}
