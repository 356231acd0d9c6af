namespace Keel.Optim;

/// <summary>Argument checks shared by the schedules.</summary>
internal static class ScheduleChecks
{
    public static void Finite(float value, string name)
    {
        if (!float.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite, got {value}");
    }

    public static void Positive(long value, string name)
    {
        if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive, got {value}");
    }

    public static void Step(long step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, $"a schedule's step must be ≥ 0, got {step}");
    }
}
