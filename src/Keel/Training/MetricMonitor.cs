using Keel.Optim;

namespace Keel.Training;

/// <summary>
/// Follows one metric and says whether a new value improves on the best so far. Early stopping,
/// checkpointing of the best model, reduce-on-plateau and trial pruning share this one rule.
/// </summary>
/// <remarks>
/// The mode is <see cref="MonitorMode.Max"/> for names containing "acc" and
/// <see cref="MonitorMode.Min"/> otherwise unless given (Keras' "auto"). Keras' definition: in min mode a value improves when <c>value &lt; best − minDelta</c>, in max mode
/// when <c>value &gt; best + minDelta</c>; the first value always improves. A non-finite value never
/// improves.
/// </remarks>
public sealed class MetricMonitor
{
    /// <summary>Follows <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="minDelta"/> is negative or not finite.</exception>
    public MetricMonitor(string metric, MonitorMode? mode = null, float minDelta = 0f)
    {
        if (string.IsNullOrWhiteSpace(metric)) throw new ArgumentException("a monitor needs a metric name, such as val_loss", nameof(metric));
        if (!(minDelta >= 0) || !float.IsFinite(minDelta)) throw new ArgumentException($"minDelta must be a finite number ≥ 0, got {minDelta}", nameof(minDelta));
        Metric = metric;
        Mode = mode ?? (metric.Contains("acc", StringComparison.OrdinalIgnoreCase) ? MonitorMode.Max : MonitorMode.Min);
        MinDelta = minDelta;
    }

    /// <summary>The metric's name, as in <see cref="TrainingHistory"/> (<c>val_loss</c>).</summary>
    public string Metric { get; }

    /// <summary>Whether smaller or larger values are better.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public float MinDelta { get; }

    /// <summary>The best value seen, or null before the first.</summary>
    public float? Best { get; private set; }

    /// <summary>The training step at which <see cref="Best"/> was seen.</summary>
    public long BestStep { get; private set; }

    /// <summary>Whether <paramref name="value"/> improves on <paramref name="reference"/> (always, when there is none).</summary>
    public bool IsImprovement(float value, float? reference)
    {
        if (!float.IsFinite(value)) return false;
        if (reference is not { } r) return true;
        return Mode == MonitorMode.Min ? value < r - MinDelta : value > r + MinDelta;
    }

    /// <summary>Records a value; returns whether it improved on the best so far (and became the best).</summary>
    public bool Update(float value, long step)
    {
        if (!IsImprovement(value, Best)) return false;
        Best = value;
        BestStep = step;
        return true;
    }

    /// <summary>Restores a best value and step (from a checkpoint).</summary>
    public void Restore(float? best, long bestStep)
    {
        Best = best;
        BestStep = bestStep;
    }
}
