using Keel.Tensors;

namespace Keel.Optim;

/// <summary>AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, PyTorch's <c>torch.optim.AdamW</c>.</summary>
/// <remarks>
/// <code>
/// θ ← θ·(1 − lr·λ)                  (decoupled: outside the adaptive update)
/// m ← β1·m + (1 − β1)·g ;  v ← β2·v + (1 − β2)·g²
/// v̂ ← max(v̂, v)                     (AMSGrad; v̂ replaces v below)
/// θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
/// </code>
/// Defaults lr 1e-3, β1 0.9, β2 0.999, ε 1e-8, λ 1e-2, no AMSGrad. Keras' <c>AdamW</c> defaults
/// to λ 0.004 and ε 1e-7 and places ε as its <c>Adam</c> does. The decay multiplies by the
/// group's current rate, so a schedule scales it too, as in PyTorch.
/// Slots: <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c> (AMSGrad).
/// </remarks>
public sealed class AdamW : AdaptiveMomentOptimizer
{
    /// <summary>AdamW over <paramref name="parameters"/> in one group.</summary>
    public AdamW(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 1e-2f, bool amsgrad = false)
        : this([new ParameterGroup(parameters)], learningRate, beta1, beta2, epsilon, weightDecay, amsgrad)
    {
    }

    /// <summary>AdamW over parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    public AdamW(IEnumerable<ParameterGroup> groups, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 1e-2f, bool amsgrad = false)
        : base(groups, learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, decoupled: true)
    {
    }
}
