using Keel.Tensors;

namespace Keel.Stability;

/// <summary>A constraint together with the parameters it keeps in bounds.</summary>
public sealed class ConstraintBinding
{
    private readonly Parameter[] _parameters;

    internal ConstraintBinding(Constraint constraint, IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Constraint = constraint;
        _parameters = [.. parameters];
    }

    /// <summary>The rule.</summary>
    public Constraint Constraint { get; }

    /// <summary>The parameters it applies to.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Applies the constraint to the bound parameters; call it after every optimizer step.</summary>
    public void Apply() => Constraint.Apply(_parameters);
}
