namespace Keel.Optim;

/// <summary>A linear warmup followed by any schedule, which starts after the warmup.</summary>
/// <remarks>
/// <code>
/// t &lt; W:   value = start + (inner(0) − start) · t / W
/// t ≥ W:   value = inner(t − W)
/// </code>
/// The same as PyTorch's <c>SequentialLR([LinearLR, inner], milestones=[W])</c> with
/// <c>LinearLR(start_factor = start / inner(0), total_iters = W)</c>, and optax's
/// <c>join_schedules</c>. Default start 0.
/// </remarks>
public sealed class LinearWarmup : ISchedule
{
    /// <summary>Warms up over <paramref name="warmupSteps"/> steps from <paramref name="startValue"/> to <paramref name="inner"/>'s first value.</summary>
    public LinearWarmup(ISchedule inner, long warmupSteps, float startValue = 0f)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ScheduleChecks.Positive(warmupSteps, nameof(warmupSteps));
        ScheduleChecks.Finite(startValue, nameof(startValue));
        (Inner, WarmupSteps, StartValue) = (inner, warmupSteps, startValue);
    }

    /// <summary>The schedule after the warmup, shifted by <see cref="WarmupSteps"/>.</summary>
    public ISchedule Inner { get; }

    /// <summary>W.</summary>
    public long WarmupSteps { get; }

    /// <summary>The value at step 0.</summary>
    public float StartValue { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        if (step >= WarmupSteps) return Inner.ValueAt(step - WarmupSteps);
        double target = Inner.ValueAt(0);
        return (float)(StartValue + (target - StartValue) * step / WarmupSteps);
    }
}
