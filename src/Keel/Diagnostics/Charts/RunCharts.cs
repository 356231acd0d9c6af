namespace Keel.Diagnostics;

/// <summary>A chart of a run: its file name, a caption for the report, and the SVG.</summary>
/// <param name="FileName">The file name inside the run folder (<c>loss.svg</c>).</param>
/// <param name="Caption">What to look for, shown under the chart in <c>report.html</c>.</param>
/// <param name="Svg">The SVG document.</param>
public sealed record Chart(string FileName, string Caption, string Svg);

/// <summary>
/// The charts of a run's <see cref="DiagnosticsLog"/>, after the plots of Karpathy's makemore
/// part 3: loss, learning rate, gradient norm, update-to-data ratios with the 1e-3 line,
/// activation and gradient histograms per layer, and saturation over time.
/// </summary>
public static class RunCharts
{
    /// <summary>Every chart of <paramref name="log"/>.</summary>
    public static IReadOnlyList<Chart> For(DiagnosticsLog log)
    {
        var probes = log.Probes;
        var charts = new List<Chart>
        {
            new("loss.svg", "Training loss (mean since the previous evaluation), validation loss, and the loss of each probed batch.", Loss(log).ToSvg()),
            new("learning_rate.svg", "The learning rate of each probed step.",
                Line("Learning rate", "lr", false, [new("lr", [.. probes.Select(p => ((double)p.Step, (double)p.LearningRate))])]).ToSvg()),
            new("grad_norm.svg", "Global gradient norm before clipping; steady growth over orders of magnitude means exploding gradients.",
                Line("Gradient norm", "‖g‖ (log scale)", true, [new("global norm", [.. probes.Select(p => ((double)p.Step, (double)p.GradNorm))])]).ToSvg()),
            new("update_ratio.svg", "log10(std(applied update) / std(weight)) per weight; near −3 (the dashed line) is healthy, far above means too high a learning rate, far below too low.", UpdateRatio(log).ToSvg()),
        };
        if (probes.Count == 0) return charts;
        var first = probes[0];
        var last = probes[^1];
        var shown = Watched(first);
        charts.Add(new("activations_start.svg", $"Distribution of each layer's output at step {first.Step}: mass piled at ±1 means saturated tanh units.",
            Histograms($"Activations at step {first.Step}", "output value", first.Layers.Where(l => shown.Contains(l.Name)).Select(l => (l.Name + " " + l.Type, l.Histogram))).ToSvg()));
        charts.Add(new("activations_end.svg", $"Distribution of each layer's output at step {last.Step}.",
            Histograms($"Activations at step {last.Step}", "output value", last.Layers.Where(l => shown.Contains(l.Name)).Select(l => (l.Name + " " + l.Type, l.Histogram))).ToSvg()));
        charts.Add(new("activation_gradients.svg", $"Distribution of ∂loss/∂output per layer at step {last.Step}: layers whose curves differ by orders of magnitude learn at different speeds.",
            Histograms($"Gradients of layer outputs at step {last.Step}", "gradient value",
                last.Layers.Where(l => shown.Contains(l.Name) && l.GradHistogram is not null).Select(l => (l.Name + " " + l.Type, l.GradHistogram!))).ToSvg()));
        charts.Add(new("weight_gradients.svg", $"Distribution of each weight's gradient at step {last.Step}.",
            Histograms($"Weight gradients at step {last.Step}", "gradient value",
                last.Parameters.Where(p => p.GradHistogram is not null).Select(p => (p.Name, p.GradHistogram!))).ToSvg()));
        charts.Add(new("saturation.svg", "Fraction of saturated outputs per tanh or sigmoid layer (|tanh| > 0.97), and of dead units per ReLU-family layer; a few percent is normal.", Saturation(log).ToSvg()));
        return charts;
    }

    private static SvgLineChart Loss(DiagnosticsLog log)
    {
        var chart = new SvgLineChart { Title = "Loss", YLabel = "loss" };
        foreach (var (metric, label, dashed) in new[] { ("loss", "training", false), ("val_loss", "validation", true) })
        {
            var points = log.Evaluations.Where(e => e.Metrics.ContainsKey(metric)).Select(e => ((double)e.Step, (double)e.Metrics[metric])).ToList();
            if (points.Count > 0) chart.Series.Add(new ChartSeries(label, points, dashed));
        }
        chart.Series.Add(new ChartSeries("probed batch", [.. log.Probes.Select(p => ((double)p.Step, (double)p.Loss))]));
        if (log.Header.ExpectedInitialLoss is { } expected) chart.References.Add(new ReferenceLine(expected, $"ln(classes) = {LogQueries.N(expected)}"));
        return chart;
    }

    private static SvgLineChart UpdateRatio(DiagnosticsLog log)
    {
        var weights = log.Probes.Count == 0 ? [] : log.Probes[0].Parameters.Where(p => p.IsWeight).Select(p => p.Name).ToList();
        var series = weights.Select(w => new ChartSeries(w, [.. log.Probes.Select(p => ((double)p.Step,
            (double)(p.Parameters.FirstOrDefault(q => q.Name == w)?.UpdateToData ?? float.NaN)))]));
        var chart = Line("Update-to-data ratio", "log10(std(Δw) / std(w))", false, series);
        chart.References.Add(new ReferenceLine(-3, "1e-3"));
        return chart;
    }

    private static SvgLineChart Saturation(DiagnosticsLog log)
    {
        var chart = new SvgLineChart { Title = "Saturation and dead units", YLabel = "fraction" };
        if (log.Probes.Count == 0) return chart;
        foreach (var layer in log.Probes[0].Layers)
        {
            if (layer.Saturation is not null)
                chart.Series.Add(new ChartSeries($"{layer.Name} {layer.Type} saturated", [.. log.Probes.Select(p => ((double)p.Step, (double)(p.Layers.FirstOrDefault(l => l.Name == layer.Name)?.Saturation ?? float.NaN)))]));
            if (layer.DeadFraction is not null)
                chart.Series.Add(new ChartSeries($"{layer.Name} {layer.Type} dead", [.. log.Probes.Select(p => ((double)p.Step, (double)(p.Layers.FirstOrDefault(l => l.Name == layer.Name)?.DeadFraction ?? float.NaN)))], Dashed: true));
        }
        return chart;
    }

    /// <summary>The layers whose histograms are drawn: the activations when there are any, else every layer.</summary>
    private static HashSet<string> Watched(ProbeRecord probe)
    {
        var activations = probe.Layers.Where(l => l.Activation != ActivationKind.None).Select(l => l.Name).ToHashSet();
        return activations.Count > 0 ? activations : [.. probe.Layers.Select(l => l.Name)];
    }

    private static SvgLineChart Histograms(string title, string xLabel, IEnumerable<(string Name, Histogram Histogram)> histograms)
    {
        var chart = new SvgLineChart { Title = title, XLabel = xLabel, YLabel = "density" };
        foreach (var (name, histogram) in histograms) chart.Series.Add(new ChartSeries(name, histogram.Density()));
        return chart;
    }

    private static SvgLineChart Line(string title, string yLabel, bool logY, IEnumerable<ChartSeries> series)
    {
        var chart = new SvgLineChart { Title = title, YLabel = yLabel, LogY = logY };
        chart.Series.AddRange(series);
        return chart;
    }
}
