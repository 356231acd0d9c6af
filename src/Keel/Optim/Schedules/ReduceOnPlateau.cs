namespace Keel.Optim;

/// <summary>
/// The logic of PyTorch's <c>ReduceLROnPlateau</c>: multiplies the learning rate by
/// <c>factor</c> when a monitored metric has not improved for more than <c>patience</c> checks.
/// </summary>
/// <remarks>
/// Per check: an improvement (beyond the threshold) records the new best and clears the bad
/// count, otherwise the count grows; during cooldown the count is held at 0; when the count
/// exceeds the patience, <c>lr ← max(lr · factor, minLearningRate)</c> (skipped if the change is
/// under ε), the cooldown starts and the count clears. A NaN metric counts as no improvement.
/// Defaults as PyTorch: min, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0,
/// min lr 0, ε 1e-8. Keras reduces one check earlier (after <c>patience</c> checks without
/// improvement, not more than <c>patience</c>) and measures <c>min_delta</c> absolutely. Driven by a
/// metric, not the step, so it is not an <see cref="ISchedule"/>; <see cref="Best"/>,
/// <see cref="BadChecks"/> and <see cref="CooldownCounter"/> are its whole state.
/// </remarks>
public sealed class ReduceOnPlateau
{
    /// <summary>A plateau detector with PyTorch's defaults.</summary>
    public ReduceOnPlateau(
        MonitorMode mode = MonitorMode.Min, float factor = 0.1f, int patience = 10, float threshold = 1e-4f,
        ThresholdMode thresholdMode = ThresholdMode.Relative, int cooldown = 0, float minLearningRate = 0f, float epsilon = 1e-8f)
    {
        if (!(factor >= 0f && factor < 1f)) throw new ArgumentOutOfRangeException(nameof(factor), factor, $"Factor should be < 1.0, got {factor}");
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, $"patience must be ≥ 0, got {patience}");
        if (cooldown < 0) throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, $"cooldown must be ≥ 0, got {cooldown}");
        OptimizerChecks.NonNegative(threshold, "threshold");
        OptimizerChecks.NonNegative(minLearningRate, "min learning rate");
        (Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinLearningRate, Epsilon) =
            (mode, factor, patience, threshold, thresholdMode, cooldown, minLearningRate, epsilon);
        Best = mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>Whether smaller or larger is better.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The factor applied on a plateau.</summary>
    public float Factor { get; }

    /// <summary>Checks without improvement tolerated before reducing.</summary>
    public int Patience { get; }

    /// <summary>The improvement that counts.</summary>
    public float Threshold { get; }

    /// <summary>Whether <see cref="Threshold"/> is relative or absolute.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Checks to wait after a reduction before counting again.</summary>
    public int Cooldown { get; }

    /// <summary>The rate never goes below this.</summary>
    public float MinLearningRate { get; }

    /// <summary>Reductions smaller than this are skipped.</summary>
    public float Epsilon { get; }

    /// <summary>The best metric so far (state).</summary>
    public double Best { get; set; }

    /// <summary>Checks since the last improvement (state; PyTorch's <c>num_bad_epochs</c>).</summary>
    public int BadChecks { get; set; }

    /// <summary>Checks left in the cooldown (state).</summary>
    public int CooldownCounter { get; set; }

    /// <summary>Records <paramref name="metric"/> and returns the learning rate to use from now on.</summary>
    public float Update(double metric, float learningRate)
    {
        if (IsBetter(metric))
        {
            Best = metric;
            BadChecks = 0;
        }
        else
        {
            BadChecks++;
        }
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            BadChecks = 0;
        }
        if (BadChecks <= Patience) return learningRate;
        CooldownCounter = Cooldown;
        BadChecks = 0;
        float reduced = MathF.Max(learningRate * Factor, MinLearningRate);
        return learningRate - reduced > Epsilon ? reduced : learningRate;
    }

    private bool IsBetter(double metric) => (Mode, ThresholdMode) switch
    {
        (MonitorMode.Min, ThresholdMode.Relative) => metric < Best * (1.0 - Threshold),
        (MonitorMode.Min, ThresholdMode.Absolute) => metric < Best - Threshold,
        (MonitorMode.Max, ThresholdMode.Relative) => metric > Best * (1.0 + Threshold),
        _ => metric > Best + Threshold,
    };
}
