namespace Keel.Optim;

/// <summary>Keras' <c>CosineDecay</c> (Loshchilov and Hutter, 2017, without restarts), with its optional linear warmup.</summary>
/// <remarks>
/// <code>
/// t &lt; W:   value = initial + (target − initial) · t / W                  (warmup, when a target is given)
/// t ≥ W:   s = min(t − W, D) ;  c = ½·(1 + cos(π·s / D))
///          value = peak · ((1 − α)·c + α)        peak = target, or initial without warmup
/// </code>
/// Defaults as Keras: α 0, no warmup. After W + D steps the value stays at <c>α · peak</c>.
/// PyTorch's <c>CosineAnnealingLR(T_max = D, eta_min)</c> gives the same curve with
/// <c>eta_min = α · peak</c> while <c>t ≤ D</c>, but keeps oscillating after that.
/// </remarks>
public sealed class CosineDecay : ISchedule
{
    /// <summary>A cosine decay over <paramref name="decaySteps"/> steps, after <paramref name="warmupSteps"/> of linear warmup to <paramref name="warmupTarget"/>.</summary>
    /// <exception cref="ArgumentException">Warmup steps without a target, or the reverse.</exception>
    public CosineDecay(float initialValue, long decaySteps, float alpha = 0f, float? warmupTarget = null, long warmupSteps = 0)
    {
        ScheduleChecks.Finite(initialValue, nameof(initialValue));
        ScheduleChecks.Positive(decaySteps, nameof(decaySteps));
        ScheduleChecks.Finite(alpha, nameof(alpha));
        if (warmupSteps < 0) throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, $"warmupSteps must be ≥ 0, got {warmupSteps}");
        if ((warmupTarget is null) != (warmupSteps == 0))
            throw new ArgumentException($"CosineDecay: a warmup needs both warmupTarget ({warmupTarget?.ToString() ?? "null"}) and warmupSteps ({warmupSteps})");
        if (warmupTarget is { } target) ScheduleChecks.Finite(target, nameof(warmupTarget));
        (InitialValue, DecaySteps, Alpha, WarmupTarget, WarmupSteps) = (initialValue, decaySteps, alpha, warmupTarget, warmupSteps);
    }

    /// <summary>The value at step 0.</summary>
    public float InitialValue { get; }

    /// <summary>D, the steps of the decay (after the warmup).</summary>
    public long DecaySteps { get; }

    /// <summary>α, the final value as a fraction of the peak.</summary>
    public float Alpha { get; }

    /// <summary>The peak that the warmup reaches, or null without warmup.</summary>
    public float? WarmupTarget { get; }

    /// <summary>W, the steps of linear warmup.</summary>
    public long WarmupSteps { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        double peak = WarmupTarget ?? InitialValue;
        if (step < WarmupSteps) return (float)(InitialValue + (peak - InitialValue) * step / WarmupSteps);
        double fraction = Math.Min(step - WarmupSteps, DecaySteps) / (double)DecaySteps;
        double cosine = 0.5 * (1.0 + Math.Cos(Math.PI * fraction));
        return (float)(peak * ((1.0 - Alpha) * cosine + Alpha));
    }
}
