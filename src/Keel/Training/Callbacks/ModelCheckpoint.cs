using Keel.Serialization;

namespace Keel.Training.Callbacks;

/// <summary>
/// Saves during training, like Keras' <c>ModelCheckpoint</c>: either a full, resumable checkpoint
/// every <c>everySteps</c> steps (model, optimizer, step, random-number and callback state), or,
/// with <c>saveBestOnly</c>, the model's weights whenever the monitored metric improves.
/// </summary>
/// <remarks>Files are written atomically, so a crash leaves the previous file whole.</remarks>
public sealed class ModelCheckpoint : ITrainingCallback
{
    /// <summary>Writes to <paramref name="path"/> (a <c>.safetensors</c> file).</summary>
    /// <exception cref="ArgumentException">Neither a positive interval nor best-only saving is asked for.</exception>
    public ModelCheckpoint(string path, long everySteps = 0, bool saveBestOnly = false, string monitor = "val_loss", float minDelta = 0f)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("ModelCheckpoint needs a file path", nameof(path));
        if (everySteps < 0) throw new ArgumentException($"everySteps must be ≥ 0, got {everySteps}", nameof(everySteps));
        if (everySteps == 0 && !saveBestOnly) throw new ArgumentException("ModelCheckpoint needs everySteps > 0 or saveBestOnly: true", nameof(everySteps));
        Path = path;
        EverySteps = everySteps;
        SaveBestOnly = saveBestOnly;
        Monitor = new MetricMonitor(monitor, null, minDelta);
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>Steps between full checkpoints; 0 when saving the best weights only.</summary>
    public long EverySteps { get; }

    /// <summary>Whether only the best weights are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>The metric that decides which weights are best.</summary>
    public MetricMonitor Monitor { get; }

    /// <inheritdoc />
    public void OnStepEnd(TrainingContext context)
    {
        if (!SaveBestOnly && context.Step % EverySteps == 0) context.SaveCheckpoint(Path);
    }

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row)
    {
        if (!SaveBestOnly || !row.Metrics.TryGetValue(Monitor.Metric, out var value)) return;
        if (!Monitor.Update(value, context.Step)) return;
        SafeTensorsFile.Write(Path, context.ModelState(), new Dictionary<string, string>
        {
            ["step"] = context.Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [Monitor.Metric] = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
