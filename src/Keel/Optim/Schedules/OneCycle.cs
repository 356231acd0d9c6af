namespace Keel.Optim;

/// <summary>The one-cycle policy (Smith and Topin, 2018) as PyTorch's <c>OneCycleLR</c> computes the learning rate.</summary>
/// <remarks>
/// Starts at <c>max / divFactor</c>, rises to <c>max</c> by step <c>pctStart·T − 1</c>, then
/// anneals to <c>max / (divFactor · finalDivFactor)</c> at step <c>T − 1</c>; with
/// <c>threePhase</c> it first falls back to the start value by step <c>2·pctStart·T − 2</c>. Cosine
/// annealing between <c>a</c> and <c>b</c> is <c>b + (a − b)/2 · (1 + cos(π·p))</c>, linear is
/// <c>a + (b − a)·p</c>, with <c>p</c> the fraction of the phase done. Defaults as PyTorch:
/// pctStart 0.3, cosine, divFactor 25, finalDivFactor 1e4. PyTorch raises past step T; here the
/// value stays at the final one. Momentum cycling is not part of this schedule.
/// </remarks>
public sealed class OneCycle : ISchedule
{
    private readonly (double EndStep, double Start, double End)[] _phases;

    /// <summary>A one-cycle schedule of <paramref name="totalSteps"/> steps peaking at <paramref name="maxValue"/>.</summary>
    public OneCycle(float maxValue, long totalSteps, float pctStart = 0.3f, bool cosine = true, float divFactor = 25f, float finalDivFactor = 1e4f, bool threePhase = false)
    {
        ScheduleChecks.Finite(maxValue, nameof(maxValue));
        ScheduleChecks.Positive(totalSteps, nameof(totalSteps));
        if (!(pctStart > 0f && pctStart < 1f)) throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, $"pctStart must be in (0, 1), got {pctStart}");
        if (!(divFactor > 0f) || !(finalDivFactor > 0f))
            throw new ArgumentOutOfRangeException(nameof(divFactor), $"divFactor ({divFactor}) and finalDivFactor ({finalDivFactor}) must be positive");
        (MaxValue, TotalSteps, Cosine) = (maxValue, totalSteps, cosine);
        double initial = maxValue / (double)divFactor, min = initial / finalDivFactor, warm = (double)pctStart * totalSteps;
        _phases = threePhase
            ? [(warm - 1, initial, maxValue), (2 * warm - 2, maxValue, initial), (totalSteps - 1, initial, min)]
            : [(warm - 1, initial, maxValue), (totalSteps - 1, maxValue, min)];
    }

    /// <summary>The peak value.</summary>
    public float MaxValue { get; }

    /// <summary>T, the length of the cycle.</summary>
    public long TotalSteps { get; }

    /// <summary>Whether phases anneal along a cosine (else linearly).</summary>
    public bool Cosine { get; }

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        double t = Math.Min(step, TotalSteps - 1), startStep = 0;
        for (int i = 0; i < _phases.Length; i++)
        {
            var (endStep, start, end) = _phases[i];
            if (t <= endStep || i == _phases.Length - 1)
            {
                double pct = (t - startStep) / (endStep - startStep);
                return (float)(Cosine ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1.0) : (end - start) * pct + start);
            }
            startStep = endStep;
        }
        throw new InvalidOperationException("unreachable: the last phase always answers");
    }
}
