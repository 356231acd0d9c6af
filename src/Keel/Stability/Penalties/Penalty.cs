using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// A term added to the loss on chosen parameters, built from graph operations so that backward
/// gives its gradient. Create one with <see cref="Penalties"/> and bind it with <see cref="For"/>.
/// </summary>
/// <remarks>Trainers add it to the data loss and report the two apart.</remarks>
public abstract class Penalty
{
    private protected Penalty()
    {
    }

    /// <summary>The penalty over <paramref name="parameters"/> as a scalar tensor in the graph.</summary>
    public Tensor Loss(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SumAll(parameters.Select(Term));
    }

    /// <summary>Binds this penalty to <paramref name="parameters"/>.</summary>
    public PenaltyBinding For(IEnumerable<Parameter> parameters) => new(this, parameters);

    /// <summary>The penalty of one parameter, as a scalar tensor in the graph.</summary>
    private protected abstract Tensor Term(Parameter parameter);

    /// <summary>The sum of scalar tensors in the graph; 0 when there are none.</summary>
    internal static Tensor SumAll(IEnumerable<Tensor> terms)
    {
        Tensor? total = null;
        foreach (var term in terms) total = total is null ? term : total + term;
        return total ?? Tensor.Scalar(0f);
    }

    private protected static void CheckStrength(float value, string name)
    {
        if (!(value >= 0f) || float.IsInfinity(value)) throw new ArgumentOutOfRangeException(name, value, $"penalty {name} must be ≥ 0 and finite, got {value}");
    }

    /// <summary><c>Σ w²</c> in the graph.</summary>
    private protected static Tensor SumOfSquares(Parameter w) => (w * w).Sum();

    /// <summary><c>Σ |w|</c> in the graph; its gradient is <c>sign(w)</c> (0 at 0, as <c>torch.abs</c>).</summary>
    private protected static Tensor SumOfMagnitudes(Parameter w) => w.Abs().Sum();
}
