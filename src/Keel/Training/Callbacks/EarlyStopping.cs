using Keel.Optim;
using Keel.Training.Checkpoints;

namespace Keel.Training.Callbacks;

/// <summary>
/// Stops training when a monitored metric has not improved for <c>patience</c> evaluations, and
/// restores the best weights, like Keras' <c>EarlyStopping</c>.
/// </summary>
/// <remarks>
/// After each evaluation: <c>wait ← wait + 1</c>; if the value improves on the best (see
/// <see cref="MetricMonitor"/>) it becomes the best, its weights are kept, and <c>wait ← 0</c>
/// (when a <c>baseline</c> is set, only once the value also beats the baseline); otherwise, when
/// <c>wait ≥ patience</c>, training stops. With <c>restoreBestWeights</c> the best weights are put
/// back when training ends, whether it stopped early or ran its full budget; Keras restores only
/// when it stops early.
/// </remarks>
public sealed class EarlyStopping : ITrainingCallback, ICheckpointable
{
    private WeightsSnapshot? _bestWeights;

    /// <summary>Stops on <paramref name="monitor"/> (a history metric such as <c>val_loss</c>).</summary>
    /// <exception cref="ArgumentException">Patience is negative.</exception>
    public EarlyStopping(string monitor = "val_loss", int patience = 0, float minDelta = 0f,
        MonitorMode? mode = null, float? baseline = null, bool restoreBestWeights = false)
    {
        if (patience < 0) throw new ArgumentException($"patience must be ≥ 0, got {patience}", nameof(patience));
        Monitor = new MetricMonitor(monitor, mode, minDelta);
        Patience = patience;
        Baseline = baseline;
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>The monitored metric and its best value.</summary>
    public MetricMonitor Monitor { get; }

    /// <summary>Evaluations without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>A value the metric must beat before waiting starts over.</summary>
    public float? Baseline { get; }

    /// <summary>Whether the best weights are restored at the end of training.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>Evaluations since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>The step at which this callback stopped training, or null.</summary>
    public long? StoppedAtStep { get; private set; }

    /// <inheritdoc />
    public void OnTrainBegin(TrainingContext context)
    {
        Wait = 0;
        StoppedAtStep = null;
    }

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row)
    {
        if (!row.Metrics.TryGetValue(Monitor.Metric, out var value))
            throw new InvalidOperationException($"EarlyStopping monitors '{Monitor.Metric}', which the history does not record; it has {string.Join(", ", row.Metrics.Keys)}");
        Wait++;
        if (Monitor.Update(value, context.Step))
        {
            if (RestoreBestWeights) _bestWeights = context.CaptureWeights();
            if (Baseline is not { } baseline || Monitor.IsImprovement(value, baseline)) Wait = 0;
            return;
        }
        if (Wait >= Patience)
        {
            StoppedAtStep = context.Step;
            context.RequestStop($"EarlyStopping: {Monitor.Metric} did not improve on {Monitor.Best:G5} (step {Monitor.BestStep}) for {Wait} evaluations");
        }
    }

    /// <inheritdoc />
    public void OnTrainEnd(TrainingContext context)
    {
        if (RestoreBestWeights && _bestWeights is { } best) context.RestoreWeights(best);
    }

    /// <inheritdoc />
    public string CheckpointKey => "early_stopping";

    /// <inheritdoc />
    public void SaveState(CheckpointState state)
    {
        state.Set("wait", Wait);
        state.Set("best_step", Monitor.BestStep);
        if (Monitor.Best is { } best) state.Set("best", best);
        if (_bestWeights is null) return;
        state.Set("best_weights_step", _bestWeights.Step);
        foreach (var (name, values) in _bestWeights.Values) state.Tensors[$"best_weights.{name}"] = Keel.Tensors.Tensor.FromArray(values);
    }

    /// <inheritdoc />
    public void LoadState(CheckpointState state)
    {
        Wait = (int)state.GetLong("wait");
        Monitor.Restore(state.GetOrNull("best") is null ? null : (float)state.GetDouble("best"), state.GetLong("best_step"));
        if (state.GetOrNull("best_weights_step") is null) return;
        var values = state.Tensors.Where(t => t.Key.StartsWith("best_weights.", StringComparison.Ordinal))
            .ToDictionary(t => t.Key["best_weights.".Length..], t => t.Value.ToArray());
        _bestWeights = WeightsSnapshot.FromValues(values, state.GetLong("best_weights_step"));
    }
}
