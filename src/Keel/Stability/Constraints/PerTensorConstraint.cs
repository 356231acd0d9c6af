using Keel.Tensors;

namespace Keel.Stability;

/// <summary>A constraint that treats each parameter on its own.</summary>
public abstract class PerTensorConstraint : Constraint
{
    private protected PerTensorConstraint()
    {
    }

    /// <inheritdoc />
    public override void Apply(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (int i = 0; i < parameters.Count; i++) ApplyTo(parameters[i], i);
    }

    /// <summary>Projects one parameter's values in place; <paramref name="position"/> names an unnamed one in messages.</summary>
    private protected abstract void ApplyTo(Parameter parameter, int position);
}
