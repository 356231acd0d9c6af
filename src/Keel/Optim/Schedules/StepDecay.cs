namespace Keel.Optim;

/// <summary>PyTorch's <c>StepLR</c>: <c>initial · gamma^⌊t / stepSize⌋</c>.</summary>
/// <remarks>Default gamma 0.1, as PyTorch. Keras writes it as <see cref="ExponentialDecay"/> with <c>staircase: true</c>.</remarks>
public sealed class StepDecay : ISchedule
{
    /// <summary>Multiplies by <paramref name="gamma"/> every <paramref name="stepSize"/> steps.</summary>
    public StepDecay(float initialValue, long stepSize, float gamma = 0.1f)
    {
        ScheduleChecks.Finite(initialValue, nameof(initialValue));
        ScheduleChecks.Positive(stepSize, nameof(stepSize));
        ScheduleChecks.Finite(gamma, nameof(gamma));
        (InitialValue, StepSize, Gamma) = (initialValue, stepSize, gamma);
    }

    /// <summary>The value at step 0.</summary>
    public float InitialValue { get; }

    /// <summary>The steps between two decays.</summary>
    public long StepSize { get; }

    /// <summary>The factor per decay.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        return (float)(InitialValue * Math.Pow(Gamma, step / StepSize));
    }
}
