using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Keras' <c>UnitNorm</c>: each vector along <see cref="Axis"/> scaled to norm 1: <c>w ← w / (ε + n)</c>, ε = 1e-7.</summary>
/// <remarks>Default axis 0, as Keras: each output unit's incoming weights of an <c>[in, out]</c> weight.</remarks>
public sealed class UnitNorm : PerTensorConstraint
{
    private readonly int[] _axes;

    internal UnitNorm(int axis)
    {
        Axis = axis;
        _axes = [axis];
    }

    /// <summary>The axis the norm is taken over (negative counts from the end).</summary>
    public int Axis { get; }

    private protected override void ApplyTo(Parameter parameter, int position)
        => AxisNorms.Rescale(parameter.Data, parameter.Shape, _axes, default(Rule), "UnitNorm", parameter, position);

    private readonly struct Rule : AxisNorms.IRule
    {
        public double Factor(double norm) => 1.0 / (Constraints.Epsilon + norm);
    }
}
