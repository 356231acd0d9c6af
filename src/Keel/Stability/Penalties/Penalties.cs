using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Factories for the loss penalties, and their sum over several bindings.</summary>
/// <example><code>
/// var penalty = Penalties.Total([Penalties.L2(1e-4f).For(model.Weights())]);
/// var loss = dataLoss + penalty;     // log dataLoss.Item() and penalty.Item() apart
/// </code></example>
public static class Penalties
{
    /// <inheritdoc cref="L1Penalty"/>
    public static L1Penalty L1(float lambda) => new(lambda);

    /// <inheritdoc cref="L2Penalty"/>
    public static L2Penalty L2(float lambda) => new(lambda);

    /// <inheritdoc cref="L1L2Penalty"/>
    public static L1L2Penalty L1L2(float l1, float l2) => new(l1, l2);

    /// <summary>The sum of the bindings' penalties as one scalar tensor in the graph (0 when there are none).</summary>
    public static Tensor Total(IEnumerable<PenaltyBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        return Penalty.SumAll(bindings.Select(binding => binding.Loss()));
    }
}
