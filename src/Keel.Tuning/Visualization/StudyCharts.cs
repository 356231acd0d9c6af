using System.Globalization;
using System.Text;
using Keel.Tuning.Importance;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Visualization;

/// <summary>The charts of a study report (as Optuna's <c>optuna.visualization</c>), each an inline SVG element.</summary>
internal static class StudyCharts
{
    private const string Complete = "#1f77b4", Pruned = "#aaaaaa", Best = "#d62728";

    /// <summary>Each finished trial's value by trial number, and the best value so far as a step line.</summary>
    public static string History(IReadOnlyList<FrozenTrial> trials, StudyDirection direction, string metric)
    {
        var valued = trials.Where(t => t.Value is { } v && double.IsFinite(v) && t.State is TrialState.Complete or TrialState.Pruned).ToList();
        var plot = new SvgPlot("Optimization history", Axis.Fit(trials.Select(t => (double)t.Number)), Axis.Fit(valued.Select(t => t.Value!.Value)), "trial", metric);
        plot.Dots(valued.Where(t => t.State == TrialState.Pruned).Select(t => ((double)t.Number, t.Value!.Value, $"trial {t.Number} pruned at step {t.LastStep}: {Format(t.Value)}")), Pruned);
        var complete = valued.Where(t => t.State == TrialState.Complete).ToList();
        plot.Dots(complete.Select(t => ((double)t.Number, t.Value!.Value, $"trial {t.Number}: {Format(t.Value)}")), Complete);
        double? best = null;
        var line = new List<(double, double)>();
        foreach (var t in complete)
        {
            if (best is null || (direction == StudyDirection.Minimize ? t.Value < best : t.Value > best)) best = t.Value;
            line.Add((t.Number, best!.Value));
        }
        return plot.Line(line, Best, 2, steps: true, tip: "best so far").Render();
    }

    /// <summary>One chart per parameter: the value of each complete trial against the parameter's value.</summary>
    public static IEnumerable<string> Slices(IReadOnlyList<FrozenTrial> trials, string metric)
    {
        var complete = CompleteTrials(trials);
        var yAxis = Axis.Fit(complete.Select(t => t.Value!.Value));
        foreach (var name in ParameterNames(complete))
        {
            var having = complete.Where(t => t.Params.ContainsKey(name)).ToList();
            yield return new SvgPlot(name, Axis.Of(having[0].Distributions[name]), yAxis, name, metric, 330, 240)
                .Dots(having.Select(t => (t.Params[name], t.Value!.Value, $"trial {t.Number}: {name} = {Format(t.Distributions[name], t.Params[name])}, {Format(t.Value)}")), Complete)
                .Render();
        }
    }

    /// <summary>Every trial's reported values by step: complete trials in blue, pruned ones in grey.</summary>
    public static string Intermediate(IReadOnlyList<FrozenTrial> trials, string metric)
    {
        var reported = trials.Where(t => t.IntermediateValues.Count > 0).ToList();
        var values = reported.SelectMany(t => t.IntermediateValues.Values).Where(double.IsFinite).Order().ToList();
        // The 95th percentile caps the axis, so one diverging curve does not flatten all the others.
        var yAxis = values.Count == 0 ? new Axis(0, 1) : Axis.Fit([values[0], values[(int)(0.95 * (values.Count - 1))]]);
        var plot = new SvgPlot("Intermediate values", Axis.Fit(reported.SelectMany(t => t.IntermediateValues.Keys.Select(k => (double)k))), yAxis, "step", metric, 560, 300);
        foreach (var t in reported.OrderBy(t => t.State == TrialState.Complete))
        {
            string color = t.State == TrialState.Complete ? Complete : t.State == TrialState.Pruned ? Pruned : Best;
            plot.Line(t.IntermediateValues.OrderBy(p => p.Key).Select(p => ((double)p.Key, p.Value)), color, 1.2, 0.8, tip: $"trial {t.Number} ({t.State.ToString().ToLowerInvariant()})");
        }
        return plot.Render();
    }

    /// <summary>Each parameter's importance as a horizontal bar (see <see cref="ParameterImportance"/>).</summary>
    public static string ImportanceBars(IReadOnlyList<FrozenTrial> trials)
    {
        var scores = ParameterImportance.Evaluate(trials);
        if (scores.Count == 0) return "<p>Too few complete trials (4 or more needed) or an objective that never varied.</p>";
        const int Label = 190, Bar = 300, Row = 24;
        var svg = new StringBuilder(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Label + Bar + 70}\" height=\"{scores.Count * Row + 12}\" font-family=\"sans-serif\" font-size=\"11\">"));
        for (int i = 0; i < scores.Count; i++)
        {
            var (name, score) = scores[i];
            svg.Append(Inv($"<text x=\"{Label - 6}\" y=\"{i * Row + 21}\" text-anchor=\"end\">{Svg.Escape(name)}</text>"))
               .Append(Inv($"<rect x=\"{Label}\" y=\"{i * Row + 8}\" width=\"{Math.Max(1, score * Bar):F1}\" height=\"{Row - 8}\" fill=\"{Complete}\"><title>{score:F3}</title></rect>"))
               .Append(Inv($"<text x=\"{Label + score * Bar + 6:F1}\" y=\"{i * Row + 21}\">{score:F3}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    internal static List<FrozenTrial> CompleteTrials(IReadOnlyList<FrozenTrial> trials) =>
        [.. trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v))];

    internal static List<string> ParameterNames(IEnumerable<FrozenTrial> trials) =>
        [.. trials.SelectMany(t => t.Params.Keys).Distinct().Order(StringComparer.Ordinal)];

    internal static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>A parameter's value for reading: six significant digits for a real number.</summary>
    internal static string Format(ParameterDistribution distribution, double internalValue) =>
        distribution.ToExternal(internalValue) is double d ? Format(d) : distribution.Format(internalValue);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
