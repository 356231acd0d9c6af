namespace Keel.Optim;

/// <summary>Keras' <c>PiecewiseConstantDecay</c>: constant values between step boundaries.</summary>
/// <remarks>
/// <c>values[0]</c> while <c>t ≤ boundaries[0]</c>, <c>values[i]</c> while
/// <c>boundaries[i−1] &lt; t ≤ boundaries[i]</c>, and the last value after the last boundary;
/// the boundary step itself still has the earlier value, as in Keras. PyTorch's
/// <c>MultiStepLR(milestones)</c> switches one step earlier (at <c>t = milestone</c>) and
/// multiplies by a factor instead of listing values.
/// </remarks>
public sealed class PiecewiseConstant : ISchedule
{
    private readonly long[] _boundaries;
    private readonly float[] _values;

    /// <summary>One more value than boundaries; boundaries strictly increasing.</summary>
    /// <exception cref="ArgumentException">The counts do not match or the boundaries do not increase.</exception>
    public PiecewiseConstant(IReadOnlyList<long> boundaries, IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != boundaries.Count + 1)
            throw new ArgumentException($"PiecewiseConstant needs one more value than boundaries; got {boundaries.Count} boundaries and {values.Count} values");
        for (int i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
                throw new ArgumentException($"PiecewiseConstant boundaries must increase; boundary {i} ({boundaries[i]}) follows {boundaries[i - 1]}");
        }
        foreach (var value in values) ScheduleChecks.Finite(value, nameof(values));
        _boundaries = [.. boundaries];
        _values = [.. values];
    }

    /// <summary>The steps after which the value changes.</summary>
    public IReadOnlyList<long> Boundaries => _boundaries;

    /// <summary>The values, one more than the boundaries.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <inheritdoc />
    public float ValueAt(long step)
    {
        ScheduleChecks.Step(step);
        int i = 0;
        while (i < _boundaries.Length && step > _boundaries[i]) i++;
        return _values[i];
    }
}
