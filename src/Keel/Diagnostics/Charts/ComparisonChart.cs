namespace Keel.Diagnostics;

/// <summary>The loss curves of several runs on one chart: training loss solid, validation loss dashed, one colour pair per run.</summary>
public static class ComparisonChart
{
    /// <summary>The chart file name inside the run folder.</summary>
    public const string FileName = "compare_loss.svg";

    /// <summary>The loss curves of <paramref name="runs"/> (a name for the legend and its log), first to last.</summary>
    /// <param name="runs">The runs.</param>
    /// <param name="fromStep">Leave out evaluations before this step (an initial loss of 27 would flatten the rest).</param>
    public static Chart Loss(IEnumerable<(string Name, DiagnosticsLog Log)> runs, long fromStep = 0)
    {
        var chart = new SvgLineChart { Title = "Loss by run", YLabel = "loss" };
        foreach (var (name, log) in runs)
        {
            foreach (var (metric, label, dashed) in new[] { ("loss", "train", false), ("val_loss", "val", true) })
            {
                var points = log.Evaluations.Where(e => e.Step >= fromStep && e.Metrics.ContainsKey(metric))
                    .Select(e => ((double)e.Step, (double)e.Metrics[metric])).ToList();
                if (points.Count > 0) chart.Series.Add(new ChartSeries($"{name} {label}", points, dashed));
            }
        }
        return new Chart(FileName, "Training (solid) and validation (dashed) loss of the compared runs.", chart.ToSvg());
    }
}
