namespace Keel.Optim;

/// <summary>Constructor checks with PyTorch's messages ("Invalid learning rate: -0.1").</summary>
internal static class OptimizerChecks
{
    public static void NonNegative(float value, string what)
    {
        if (!(value >= 0f) || float.IsInfinity(value)) throw new ArgumentOutOfRangeException(what, value, $"Invalid {what}: {value}");
    }

    public static void InUnitInterval(float value, string what)
    {
        if (!(value >= 0f && value < 1f)) throw new ArgumentOutOfRangeException(what, value, $"Invalid {what}: {value} (must be in [0, 1))");
    }
}
