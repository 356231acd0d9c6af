namespace Keel.Optim;

/// <summary>Keras' <c>ExponentialDecay</c>: <c>initial · rate^(t / decaySteps)</c>, with <c>⌊t / decaySteps⌋</c> when staircase.</summary>
/// <remarks>
/// PyTorch's <c>ExponentialLR(gamma)</c> is the case <c>decaySteps = 1</c>, <c>rate = gamma</c>;
/// <c>StepLR</c> is the staircase case (see also <see cref="StepDecay"/>).
/// </remarks>
public sealed class ExponentialDecay : ISchedule
{
    /// <summary>A decay by <paramref name="decayRate"/> every <paramref name="decaySteps"/> steps.</summary>
    public ExponentialDecay(float initialValue, long decaySteps, float decayRate, bool staircase = false)
    {
        ScheduleChecks.Finite(initialValue, nameof(initialValue));
        ScheduleChecks.Positive(decaySteps, nameof(decaySteps));
        ScheduleChecks.Finite(decayRate, nameof(decayRate));
        (InitialValue, DecaySteps, DecayRate, Staircase) = (initialValue, decaySteps, decayRate, staircase);
    }

    /// <summary>The value at step 0.</summary>
    public float InitialValue { get; }

    /// <summary>The steps over which the value is multiplied by <see cref="DecayRate"/> once.</summary>
    public long DecaySteps { get; }

    /// <summary>The factor per <see cref="DecaySteps"/>.</summary>
    public float DecayRate { get; }

    /// <summary>Whether the exponent is floored (decay in discrete jumps).</summary>
    public bool Staircase { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        double exponent = Staircase ? step / DecaySteps : (double)step / DecaySteps;
        return (float)(InitialValue * Math.Pow(DecayRate, exponent));
    }
}
