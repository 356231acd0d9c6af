using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Optim;

/// <summary>RMSProp (Hinton, 2012) with PyTorch's <c>torch.optim.RMSprop</c> rule and defaults.</summary>
/// <remarks>
/// <code>
/// g ← g + λθ                                           (coupled weight decay λ)
/// s ← α·s + (1 − α)·g²
/// a ← α·a + (1 − α)·g ;  d ← √(s − a²) + ε             (centered)
/// d ← √s + ε                                           (otherwise)
/// b ← μ·b + g/d ;  θ ← θ − lr·b                        (momentum μ ≠ 0)
/// θ ← θ − lr·g/d                                       (otherwise)
/// </code>
/// Defaults lr 1e-2, α 0.99, ε 1e-8, λ 0, μ 0, not centered. Keras' <c>RMSprop</c> defaults to
/// lr 1e-3, <c>rho</c> (α) 0.9, ε 1e-7 and puts ε inside the root, <c>g/√(s + ε)</c>; its
/// momentum buffer holds <c>lr·g/d</c>. Slots: <c>square_avg</c>, <c>momentum_buffer</c> (μ ≠ 0),
/// <c>grad_avg</c> (centered).
/// </remarks>
public sealed class RmsProp : Optimizer
{
    /// <summary>RMSProp over <paramref name="parameters"/> in one group.</summary>
    public RmsProp(IEnumerable<Parameter> parameters, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f, float weightDecay = 0f, float momentum = 0f, bool centered = false)
        : this([new ParameterGroup(parameters)], learningRate, alpha, epsilon, weightDecay, momentum, centered)
    {
    }

    /// <summary>RMSProp over parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    public RmsProp(IEnumerable<ParameterGroup> groups, float learningRate = 1e-2f, float alpha = 0.99f, float epsilon = 1e-8f, float weightDecay = 0f, float momentum = 0f, bool centered = false)
        : base(groups, learningRate, weightDecay, SlotNames(momentum, centered))
    {
        OptimizerChecks.InUnitInterval(alpha, "alpha value");
        OptimizerChecks.NonNegative(epsilon, "epsilon value");
        OptimizerChecks.NonNegative(momentum, "momentum value");
        Alpha = alpha;
        Epsilon = epsilon;
        Momentum = momentum;
        Centered = centered;
    }

    /// <summary>α, the smoothing constant.</summary>
    public float Alpha { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>Whether the gradient's running mean is subtracted (Graves, 2013).</summary>
    public bool Centered { get; }

    private protected override void Update(ParameterGroup group, Span<float> parameter, ReadOnlySpan<float> gradient, float[][] slots, long step)
    {
        int next = 1;
        Span<float> momentumBuffer = Momentum != 0f ? slots[next++] : [];
        Span<float> gradAvg = Centered ? slots[next] : [];
        RmsPropKernels.Step(parameter, gradient, slots[0], gradAvg, momentumBuffer, group.LearningRate, Alpha, Epsilon, group.WeightDecay, Momentum);
    }

    private static string[] SlotNames(float momentum, bool centered)
    {
        var names = new List<string> { "square_avg" };
        if (momentum != 0f) names.Add("momentum_buffer");
        if (centered) names.Add("grad_avg");
        return [.. names];
    }
}
