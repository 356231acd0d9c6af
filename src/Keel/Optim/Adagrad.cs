using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Optim;

/// <summary>Adagrad (Duchi et al., 2011) with PyTorch's <c>torch.optim.Adagrad</c> rule and defaults.</summary>
/// <remarks>
/// <code>
/// g ← g + λθ                                   (coupled weight decay λ)
/// clr ← lr / (1 + (t − 1)·lrDecay)
/// S ← S + g² ;  θ ← θ − clr · g / (√S + ε)
/// </code>
/// Defaults lr 1e-2, lrDecay 0, λ 0, initial accumulator 0, ε 1e-10. Keras' <c>Adagrad</c>
/// defaults to lr 1e-3, initial accumulator 0.1 and ε 1e-7, and has no rate decay. Slot: <c>sum</c>.
/// </remarks>
public sealed class Adagrad : Optimizer
{
    /// <summary>Adagrad over <paramref name="parameters"/> in one group.</summary>
    public Adagrad(IEnumerable<Parameter> parameters, float learningRate = 1e-2f, float learningRateDecay = 0f, float weightDecay = 0f, float initialAccumulatorValue = 0f, float epsilon = 1e-10f)
        : this([new ParameterGroup(parameters)], learningRate, learningRateDecay, weightDecay, initialAccumulatorValue, epsilon)
    {
    }

    /// <summary>Adagrad over parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.</exception>
    public Adagrad(IEnumerable<ParameterGroup> groups, float learningRate = 1e-2f, float learningRateDecay = 0f, float weightDecay = 0f, float initialAccumulatorValue = 0f, float epsilon = 1e-10f)
        : base(groups, learningRate, weightDecay, ["sum"])
    {
        OptimizerChecks.NonNegative(learningRateDecay, "lr_decay value");
        OptimizerChecks.NonNegative(initialAccumulatorValue, "initial_accumulator_value");
        OptimizerChecks.NonNegative(epsilon, "epsilon value");
        LearningRateDecay = learningRateDecay;
        InitialAccumulatorValue = initialAccumulatorValue;
        Epsilon = epsilon;
    }

    /// <summary>lrDecay.</summary>
    public float LearningRateDecay { get; }

    /// <summary>The value S starts from.</summary>
    public float InitialAccumulatorValue { get; }

    /// <summary>ε.</summary>
    public float Epsilon { get; }

    private protected override void Update(ParameterGroup group, Span<float> parameter, ReadOnlySpan<float> gradient, float[][] slots, long step)
    {
        if (step == 1 && InitialAccumulatorValue != 0f) slots[0].AsSpan().Fill(InitialAccumulatorValue);
        float clr = (float)(group.LearningRate / (1.0 + (step - 1) * (double)LearningRateDecay));
        AdagradKernels.Step(parameter, gradient, slots[0], clr, Epsilon, group.WeightDecay);
    }
}
