using Keel.Tensors;

namespace Keel.Optim;

/// <summary>
/// Parameters that share hyperparameters, like an entry of PyTorch's <c>param_groups</c>: for
/// example the biases and norm gains with <c>weightDecay: 0</c>.
/// </summary>
/// <remarks>
/// A rate or decay left null takes the optimizer's default when the group is handed to an
/// optimizer. Other hyperparameters (momentum, betas, ε) are the optimizer's.
/// </remarks>
/// <example><code>
/// var optimizer = new AdamW([new ParameterGroup(model.Weights()), new ParameterGroup(model.Biases(), weightDecay: 0f)], learningRate: 3e-4f);
/// </code></example>
public sealed class ParameterGroup
{
    private readonly float? _requestedLearningRate;
    private readonly float? _requestedWeightDecay;

    /// <summary>A group of <paramref name="parameters"/> with optional own rate and decay.</summary>
    /// <exception cref="ArgumentException">A rate or decay is negative or not finite, or a parameter appears twice.</exception>
    public ParameterGroup(IEnumerable<Parameter> parameters, float? learningRate = null, float? weightDecay = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = [.. parameters];
        if (Parameters.Distinct(ReferenceEqualityComparer.Instance).Count() != Parameters.Count)
            throw new ArgumentException("a parameter group lists the same parameter twice", nameof(parameters));
        if (learningRate is { } lr) OptimizerChecks.NonNegative(lr, "learning rate");
        if (weightDecay is { } wd) OptimizerChecks.NonNegative(wd, "weight decay");
        _requestedLearningRate = learningRate;
        _requestedWeightDecay = weightDecay;
    }

    /// <summary>The group's parameters, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The learning rate the next step uses.</summary>
    public float LearningRate { get; set; }

    /// <summary>The weight decay λ (coupled or decoupled, as the optimizer defines it).</summary>
    public float WeightDecay { get; set; }

    /// <summary>This group's rate divided by the optimizer's base rate, fixed at construction.</summary>
    internal float LearningRateRatio { get; private set; } = 1f;

    /// <summary>Fills what the group left unset from the optimizer's defaults.</summary>
    internal void ApplyDefaults(float learningRate, float weightDecay)
    {
        LearningRate = _requestedLearningRate ?? learningRate;
        WeightDecay = _requestedWeightDecay ?? weightDecay;
        LearningRateRatio = _requestedLearningRate is { } own && learningRate != 0f ? own / learningRate : 1f;
    }
}
