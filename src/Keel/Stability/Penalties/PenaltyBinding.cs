using Keel.Tensors;

namespace Keel.Stability;

/// <summary>A penalty together with the parameters it applies to.</summary>
public sealed class PenaltyBinding
{
    private readonly Parameter[] _parameters;

    internal PenaltyBinding(Penalty penalty, IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Penalty = penalty;
        _parameters = [.. parameters];
    }

    /// <summary>The penalty.</summary>
    public Penalty Penalty { get; }

    /// <summary>The parameters it applies to.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The penalty's value on the bound parameters, as a scalar tensor in the graph.</summary>
    public Tensor Loss() => Penalty.Loss(_parameters);
}
