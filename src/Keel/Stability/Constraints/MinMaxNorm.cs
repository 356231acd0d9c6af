using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// Keras' <c>MinMaxNorm</c>: moves the norm n of each vector along <see cref="Axis"/> toward
/// <c>[min, max]</c> at the given rate:
/// <c>w ← w · (rate · clip(n, min, max) + (1 − rate) · n) / (ε + n)</c>, ε = 1e-7.
/// </summary>
/// <remarks>Defaults as Keras: min 0, max 1, rate 1 (strict projection), axis 0.</remarks>
public sealed class MinMaxNorm : PerTensorConstraint
{
    private readonly int[] _axes;

    internal MinMaxNorm(float minValue, float maxValue, float rate, int axis)
    {
        if (!(minValue >= 0f && minValue <= maxValue) || float.IsInfinity(maxValue))
            throw new ArgumentOutOfRangeException(nameof(minValue), $"MinMaxNorm needs 0 ≤ minValue ≤ maxValue < ∞, got {minValue} and {maxValue}");
        if (!(rate >= 0f && rate <= 1f)) throw new ArgumentOutOfRangeException(nameof(rate), rate, $"MinMaxNorm: rate must be in [0, 1], got {rate}");
        (MinValue, MaxValue, Rate, Axis) = (minValue, maxValue, rate, axis);
        _axes = [axis];
    }

    /// <summary>The smallest norm the projection aims for.</summary>
    public float MinValue { get; }

    /// <summary>The largest norm the projection aims for.</summary>
    public float MaxValue { get; }

    /// <summary>How far to move toward the range per application (1: all the way).</summary>
    public float Rate { get; }

    /// <summary>The axis the norm is taken over (negative counts from the end).</summary>
    public int Axis { get; }

    private protected override void ApplyTo(Parameter parameter, int position)
        => AxisNorms.Rescale(parameter.Data, parameter.Shape, _axes, new Rule(MinValue, MaxValue, Rate), "MinMaxNorm", parameter, position);

    private readonly struct Rule(double min, double max, double rate) : AxisNorms.IRule
    {
        public double Factor(double norm) => (rate * Math.Clamp(norm, min, max) + (1 - rate) * norm) / (Constraints.Epsilon + norm);
    }
}
