namespace Keel.Optim;

/// <summary>Keras' <c>PolynomialDecay</c>: from the initial value to the end value over <c>decaySteps</c>.</summary>
/// <remarks>
/// <code>
/// t' ← min(t, D)                          D ← D · max(1, ⌈t / D⌉)   (cycle)
/// value = (initial − end) · (1 − t'/D)^power + end
/// </code>
/// Defaults as Keras: end 1e-4, power 1, no cycle. Without cycle the value stays at the end
/// value after D steps; with cycle it decays again from a lower height over each longer span.
/// PyTorch's <c>PolynomialLR</c> decays to 0 and has no cycle.
/// </remarks>
public sealed class PolynomialDecay : ISchedule
{
    /// <summary>A polynomial decay over <paramref name="decaySteps"/> steps.</summary>
    public PolynomialDecay(float initialValue, long decaySteps, float endValue = 1e-4f, float power = 1f, bool cycle = false)
    {
        ScheduleChecks.Finite(initialValue, nameof(initialValue));
        ScheduleChecks.Positive(decaySteps, nameof(decaySteps));
        ScheduleChecks.Finite(endValue, nameof(endValue));
        ScheduleChecks.Finite(power, nameof(power));
        (InitialValue, DecaySteps, EndValue, Power, Cycle) = (initialValue, decaySteps, endValue, power, cycle);
    }

    /// <summary>The value at step 0.</summary>
    public float InitialValue { get; }

    /// <summary>D, the steps of one decay.</summary>
    public long DecaySteps { get; }

    /// <summary>The value reached after D steps.</summary>
    public float EndValue { get; }

    /// <summary>The polynomial's power (1 is linear).</summary>
    public float Power { get; }

    /// <summary>Whether the decay restarts, over a multiple of D, after D steps.</summary>
    public bool Cycle { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        double decaySteps = DecaySteps, t = step;
        if (Cycle) decaySteps *= Math.Max(1.0, Math.Ceiling(t / DecaySteps));
        else t = Math.Min(t, decaySteps);
        return (float)((InitialValue - (double)EndValue) * Math.Pow(1.0 - t / decaySteps, Power) + EndValue);
    }
}
