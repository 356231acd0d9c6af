using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// Keras' <c>MaxNorm</c> (Srivastava et al., 2014): bounds the L2 norm of each vector taken
/// along <see cref="Axis"/>: <c>w ← w · clip(n, 0, m) / (ε + n)</c>, ε = 1e-7.
/// </summary>
/// <remarks>
/// With a <c>Linear</c> weight stored <c>[in, out]</c>, <c>axis: 0</c> (the default, as Keras)
/// takes the norm over the inputs of each output unit: the incoming weights of each hidden unit,
/// the max-norm of Hinton et al. (2012). On a <c>[3, 2]</c> matrix, axis 0 bounds each column and
/// axis 1 each row. A vector under the bound shrinks by the factor <c>n / (ε + n)</c>, as in Keras.
/// </remarks>
public sealed class MaxNorm : PerTensorConstraint
{
    private readonly int[] _axes;

    internal MaxNorm(float maxValue, int axis)
    {
        if (!(maxValue >= 0f) || float.IsInfinity(maxValue)) throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, $"MaxNorm: maxValue must be ≥ 0 and finite, got {maxValue}");
        MaxValue = maxValue;
        Axis = axis;
        _axes = [axis];
    }

    /// <summary>m, the largest norm allowed.</summary>
    public float MaxValue { get; }

    /// <summary>The axis the norm is taken over (negative counts from the end).</summary>
    public int Axis { get; }

    private protected override void ApplyTo(Parameter parameter, int position)
        => AxisNorms.Rescale(parameter.Data, parameter.Shape, _axes, new Rule(MaxValue), "MaxNorm", parameter, position);

    private readonly struct Rule(double maxValue) : AxisNorms.IRule
    {
        public double Factor(double norm) => Math.Clamp(norm, 0, maxValue) / (Constraints.Epsilon + norm);
    }
}
