using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// A rule that projects parameters back into an allowed set, applied to their values after every
/// optimizer step, as Keras applies a layer's <c>kernel_constraint</c>. Create one with
/// <see cref="Constraints"/> and bind it to parameters with <see cref="For"/>.
/// </summary>
public abstract class Constraint
{
    private protected Constraint()
    {
    }

    /// <summary>Projects the values of <paramref name="parameters"/> in place (no graph is recorded).</summary>
    public abstract void Apply(IReadOnlyList<Parameter> parameters);

    /// <summary>Binds this constraint to <paramref name="parameters"/>, ready to apply after each step.</summary>
    public ConstraintBinding For(IEnumerable<Parameter> parameters) => new(this, parameters);
}
