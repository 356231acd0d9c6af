using System.Globalization;
using System.Text;

namespace Keel.Tuning.Visualization;

/// <summary>
/// A study as one self-contained HTML page (no scripts, styles or images from elsewhere): a summary
/// with the best trial, then inline SVG charts as Optuna's visualization module draws them —
/// optimization history, intermediate values, parameter slices, parallel coordinates and parameter
/// importance (<see cref="Importance.ParameterImportance"/>) — and a table of every trial.
/// </summary>
public static class StudyHtml
{
    /// <summary>The page for the trials of study <paramref name="name"/>, whose objective is <paramref name="metric"/>.</summary>
    public static string Render(string name, StudyDirection direction, IReadOnlyList<FrozenTrial> trials, string metric = "value")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Study ").Append(Svg.Escape(name)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:24px;color:#222}h2{margin-top:32px}table{border-collapse:collapse;font-size:12px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}.grid{display:flex;flex-wrap:wrap;gap:8px}</style></head><body>\n");
        html.Append("<h1>Study ").Append(Svg.Escape(name)).Append("</h1>\n").Append(Summary(direction, trials, metric));
        html.Append("<h2>Optimization history</h2>\n").Append(StudyCharts.History(trials, direction, metric)).Append('\n');
        html.Append("<h2>Intermediate values</h2>\n").Append(StudyCharts.Intermediate(trials, metric)).Append('\n');
        html.Append("<h2>Parameter slices</h2>\n<div class=\"grid\">").Append(string.Concat(StudyCharts.Slices(trials, metric))).Append("</div>\n");
        html.Append("<h2>Parallel coordinates</h2>\n").Append(ParallelCoordinates.Render(trials, direction, metric)).Append('\n');
        html.Append("<h2>Parameter importance</h2>\n<p>The share of the objective's variance over complete trials that each parameter explains on its own ")
            .Append("(the correlation ratio η² of the objective grouped by the parameter's value in up to five equal-count bins, or by choice; normalized to sum to 1). ")
            .Append("It estimates the first-order Sobol index that Optuna's fANOVA evaluator estimates with a random forest, ignores interactions, and overstates noise when trials are few.</p>\n")
            .Append(StudyCharts.ImportanceBars(trials)).Append('\n');
        html.Append("<h2>Trials</h2>\n").Append(TrialRows(trials)).Append("</body></html>\n");
        return html.ToString();
    }

    private static string Summary(StudyDirection direction, IReadOnlyList<FrozenTrial> trials, string metric)
    {
        var counts = string.Join(", ", Enum.GetValues<TrialState>().Select(s => (s, n: trials.Count(t => t.State == s))).Where(c => c.n > 0)
            .Select(c => $"{c.n} {c.s.ToString().ToLowerInvariant()}"));
        var text = new StringBuilder($"<p>{Svg.Escape(direction.ToString())} {Svg.Escape(metric)}; {trials.Count} trials ({Svg.Escape(counts)}).</p>\n");
        var complete = StudyCharts.CompleteTrials(trials);
        if (complete.Count == 0) return text.ToString();
        var best = direction == StudyDirection.Minimize ? complete.MinBy(t => t.Value)! : complete.MaxBy(t => t.Value)!;
        text.Append($"<p><b>Best trial {best.Number}</b>: {Svg.Escape(metric)} = {StudyCharts.Format(best.Value)}</p>\n<table><tr><th>parameter</th><th>value</th></tr>");
        foreach (var (param, value) in best.Params.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append($"<tr><td>{Svg.Escape(param)}</td><td>{Svg.Escape(StudyCharts.Format(best.Distributions[param], value))}</td></tr>");
        return text.Append("</table>\n").ToString();
    }

    private static string TrialRows(IReadOnlyList<FrozenTrial> trials)
    {
        var names = StudyCharts.ParameterNames(trials);
        var rows = new StringBuilder("<table><tr><th>#</th><th>state</th><th>value</th><th>last step</th>");
        foreach (var n in names) rows.Append("<th>").Append(Svg.Escape(n)).Append("</th>");
        rows.Append("<th>seconds</th></tr>\n");
        foreach (var t in trials)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{t.Number}</td><td>{t.State.ToString().ToLowerInvariant()}</td><td>{StudyCharts.Format(t.Value)}</td><td>{t.LastStep?.ToString(CultureInfo.InvariantCulture) ?? "-"}</td>");
            foreach (var n in names) rows.Append("<td>").Append(t.Params.TryGetValue(n, out double v) ? Svg.Escape(StudyCharts.Format(t.Distributions[n], v)) : "-").Append("</td>");
            rows.Append(CultureInfo.InvariantCulture, $"<td>{t.Duration?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "-"}</td></tr>\n");
        }
        return rows.Append("</table>\n").ToString();
    }
}
