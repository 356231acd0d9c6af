using Keel.Diagnostics;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Diagnostics;

public sealed class DiagnosticsLogTests
{
    [Fact]
    public void A_recorded_log_round_trips_through_diagnostics_jsonl()
    {
        var log = PathologicalRuns.Train(PathologicalRuns.Healthy(new Generator(4)), lr: 0.1f, steps: 30, every: 10);
        using var folder = new TempFolder();
        var path = folder.File(DiagnosticsLog.FileName);
        log.Save(path);
        var loaded = DiagnosticsLog.Load(path);

        Assert.Equal(log.ToJsonLines(), loaded.ToJsonLines());
        Assert.Equal(log.Header, loaded.Header);
        Assert.Equal(log.Probes.Count, loaded.Probes.Count);
        Assert.Equal(log.Probes[1].Parameters[2].UpdateToData, loaded.Probes[1].Parameters[2].UpdateToData);
        Assert.Equal(log.Probes[1].Layers[4].Histogram.Counts, loaded.Probes[1].Layers[4].Histogram.Counts);
        Assert.Equal(log.Evaluations[^1].Metrics["val_loss"], loaded.Evaluations[^1].Metrics["val_loss"]);
        // One JSON object per line: the header, the probes of steps 0, 10 and 20, and the evaluations.
        var lines = File.ReadAllLines(path);
        Assert.Equal([0L, 10, 20], log.Probes.Select(p => p.Step));
        Assert.Equal(1 + 3 + log.Evaluations.Count, lines.Length);
        Assert.StartsWith("{\"type\":\"run\",\"every\":10,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count(l => l.StartsWith("{\"type\":\"probe\",", StringComparison.Ordinal) && l.Contains("\"update_to_data\":", StringComparison.Ordinal)));
    }

    [Fact]
    public void Non_finite_values_survive_the_round_trip()
    {
        var log = new DiagnosticsLog(new RunHeader(1, 3.2958f));
        var histogram = new Histogram(-1, 1, [1, 2]);
        log.Add(new ProbeRecord(0, float.NaN, 0.1f, float.PositiveInfinity, false,
            [new LayerStats("layers.0", "Tanh", ActivationKind.Tanh, float.NaN, 0, 0.5f, null, histogram, null, null, null)],
            [new ParameterStats("layers.0.weight", [2, 3], true, 1, 2, float.NegativeInfinity, 0, 0, null, null, histogram)]));
        var loaded = DiagnosticsLog.Parse(log.ToJsonLines().Split('\n'), "test");
        var probe = Assert.Single(loaded.Probes);
        Assert.True(float.IsNaN(probe.Loss));
        Assert.Equal(float.PositiveInfinity, probe.GradNorm);
        Assert.Equal(float.NegativeInfinity, probe.Parameters[0].GradMean);
        Assert.Equal([2, 3], probe.Parameters[0].Shape);
        Assert.Equal(ActivationKind.Tanh, probe.Layers[0].Activation);
    }

    [Fact]
    public void A_bad_line_is_named_by_file_and_line_number()
    {
        var lines = new[] { "{\"type\":\"run\",\"every\":5,\"expected_initial_loss\":null}", "{\"type\":\"probe\",\"step\":\"x\"}" };
        var error = Assert.Throws<InvalidDataException>(() => DiagnosticsLog.Parse(lines, "run/diagnostics.jsonl"));
        Assert.StartsWith("run/diagnostics.jsonl:2: not a diagnostics record", error.Message, StringComparison.Ordinal);
        var noHeader = Assert.Throws<InvalidDataException>(() => DiagnosticsLog.Parse([lines[1].Replace("\"x\"", "0", StringComparison.Ordinal)], "f"));
        Assert.Contains("f:1", noHeader.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => DiagnosticsLog.Load("/nonexistent/diagnostics.jsonl"));
    }
}
