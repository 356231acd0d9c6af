namespace Keel.Optim;

/// <summary>The same value at every step.</summary>
public sealed class ConstantSchedule : ISchedule
{
    /// <summary>A schedule that always gives <paramref name="value"/>.</summary>
    public ConstantSchedule(float value)
    {
        ScheduleChecks.Finite(value, nameof(value));
        Value = value;
    }

    /// <summary>The value.</summary>
    public float Value { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        return Value;
    }
}
