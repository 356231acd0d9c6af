using Keel.Tensors;

namespace Keel.Optim;

/// <summary>Adam (Kingma and Ba, 2015) with PyTorch's <c>torch.optim.Adam</c> rule and defaults.</summary>
/// <remarks>
/// <code>
/// g ← g + λθ                        (coupled L2, only when weightDecay λ ≠ 0)
/// m ← β1·m + (1 − β1)·g ;  v ← β2·v + (1 − β2)·g²
/// v̂ ← max(v̂, v)                     (AMSGrad, Reddi et al. 2018; v̂ replaces v below)
/// θ ← θ − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε)
/// </code>
/// Defaults lr 1e-3, β1 0.9, β2 0.999, ε 1e-8, λ 0, no AMSGrad. Keras' <c>Adam</c> uses ε 1e-7
/// and adds it to the uncorrected root (<c>θ ← θ − lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m/(√v + ε)</c>),
/// and its <c>weight_decay</c> is decoupled; use <see cref="AdamW"/> for decoupled decay.
/// Slots: <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c> (AMSGrad).
/// </remarks>
public sealed class Adam : AdaptiveMomentOptimizer
{
    /// <summary>Adam over <paramref name="parameters"/> in one group.</summary>
    public Adam(IEnumerable<Parameter> parameters, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f, bool amsgrad = false)
        : this([new ParameterGroup(parameters)], learningRate, beta1, beta2, epsilon, weightDecay, amsgrad)
    {
    }

    /// <summary>Adam over parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    public Adam(IEnumerable<ParameterGroup> groups, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f, bool amsgrad = false)
        : base(groups, learningRate, beta1, beta2, epsilon, weightDecay, amsgrad, decoupled: false)
    {
    }
}
