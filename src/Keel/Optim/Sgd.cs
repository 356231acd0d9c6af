using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Optim;

/// <summary>Stochastic gradient descent with momentum, PyTorch's <c>torch.optim.SGD</c> rule and defaults.</summary>
/// <remarks>
/// <code>
/// d ← g + λθ                                   (coupled weight decay λ)
/// b ← d  on the first step ;  b ← μ·b + (1 − τ)·d  after      (momentum μ ≠ 0, dampening τ)
/// d ← d + μ·b  (Nesterov) ;  d ← b  (otherwise)
/// θ ← θ − lr·d
/// </code>
/// Defaults lr 1e-3 (PyTorch 2.2 and later), μ 0, τ 0, λ 0, no Nesterov. Keras' <c>SGD</c>
/// (default lr 0.01) keeps the velocity with the rate inside, <c>v ← μ·v − lr·g</c>, so the two
/// agree only while the rate is constant; Keras has no dampening and its <c>weight_decay</c> is
/// decoupled (<c>θ ← θ − lr·λ·θ</c>). Slot: <c>momentum_buffer</c> (only when μ ≠ 0).
/// </remarks>
public sealed class Sgd : Optimizer
{
    /// <summary>SGD over <paramref name="parameters"/> in one group.</summary>
    public Sgd(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float momentum = 0f, float dampening = 0f, float weightDecay = 0f, bool nesterov = false)
        : this([new ParameterGroup(parameters)], learningRate, momentum, dampening, weightDecay, nesterov)
    {
    }

    /// <summary>SGD over parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    /// <exception cref="ArgumentException">Nesterov without momentum or with dampening.</exception>
    public Sgd(IEnumerable<ParameterGroup> groups, float learningRate = 1e-3f, float momentum = 0f, float dampening = 0f, float weightDecay = 0f, bool nesterov = false)
        : base(groups, learningRate, weightDecay, momentum != 0f ? ["momentum_buffer"] : [])
    {
        OptimizerChecks.NonNegative(momentum, "momentum value");
        OptimizerChecks.NonNegative(dampening, "dampening value");
        if (nesterov && (momentum <= 0f || dampening != 0f))
            throw new ArgumentException($"Nesterov momentum requires a momentum and zero dampening (momentum {momentum}, dampening {dampening})");
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
    }

    /// <summary>μ.</summary>
    public float Momentum { get; }

    /// <summary>τ.</summary>
    public float Dampening { get; }

    /// <summary>Whether the Nesterov form is used.</summary>
    public bool Nesterov { get; }

    private protected override void Update(ParameterGroup group, Span<float> parameter, ReadOnlySpan<float> gradient, float[][] slots, long step)
        => SgdKernels.Step(
            parameter, gradient, Momentum != 0f ? slots[0] : [],
            group.LearningRate, Momentum, Dampening, group.WeightDecay, Nesterov, firstStep: step == 1);
}
