using Keel.Kernels.Optim;

namespace Keel.Optim;

/// <summary>
/// The update shared by <see cref="Adam"/> and <see cref="AdamW"/>, which differ only in where
/// the weight decay enters: coupled into the gradient, or decoupled from the adaptive update.
/// </summary>
public abstract class AdaptiveMomentOptimizer : Optimizer
{
    private static readonly string[] s_slots = ["exp_avg", "exp_avg_sq"];
    private static readonly string[] s_amsgradSlots = ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"];
    private readonly bool _decoupled;

    private protected AdaptiveMomentOptimizer(
        IEnumerable<ParameterGroup> groups, float learningRate, float beta1, float beta2, float epsilon, float weightDecay, bool amsgrad, bool decoupled)
        : base(groups, learningRate, weightDecay, amsgrad ? s_amsgradSlots : s_slots)
    {
        OptimizerChecks.InUnitInterval(beta1, "beta parameter at index 0");
        OptimizerChecks.InUnitInterval(beta2, "beta parameter at index 1");
        OptimizerChecks.NonNegative(epsilon, "epsilon value");
        (Beta1, Beta2, Epsilon, Amsgrad, _decoupled) = (beta1, beta2, epsilon, amsgrad, decoupled);
    }

    /// <summary>β1, the decay of the gradient's running mean.</summary>
    public float Beta1 { get; }

    /// <summary>β2, the decay of the squared gradient's running mean.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to the bias-corrected root.</summary>
    public float Epsilon { get; }

    /// <summary>Whether the AMSGrad maximum (Reddi et al., 2018) is used.</summary>
    public bool Amsgrad { get; }

    private protected override void Update(ParameterGroup group, Span<float> parameter, ReadOnlySpan<float> gradient, float[][] slots, long step)
    {
        // Bias corrections in double, rounded once to float, as PyTorch computes them in Python.
        double lr = group.LearningRate;
        double biasCorrection1 = 1.0 - Math.Pow(Beta1, step);
        double biasCorrection2 = 1.0 - Math.Pow(Beta2, step);
        var scalars = new AdamScalars(
            StepSize: (float)(lr / biasCorrection1),
            BiasCorrection2Sqrt: (float)Math.Sqrt(biasCorrection2),
            Beta1: Beta1,
            Beta2: Beta2,
            Epsilon: Epsilon,
            WeightDecay: _decoupled ? 0f : group.WeightDecay,
            DecoupledDecayFactor: _decoupled ? (float)(1.0 - lr * group.WeightDecay) : 1f);
        AdamKernels.Step(parameter, gradient, slots[0], slots[1], Amsgrad ? slots[2] : [], scalars);
    }
}
