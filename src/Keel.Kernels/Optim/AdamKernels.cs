namespace Keel.Kernels.Optim;

/// <summary>The per-element update of Adam, AdamW and AMSGrad with PyTorch's rule.</summary>
public static class AdamKernels
{
    /// <summary>
    /// One Adam step, effectively:
    /// <code>
    /// θ ← θ·(1 − lr·λd)                                 (decoupled decay, AdamW)
    /// g ← g + λc·θ                                      (coupled decay, Adam)
    /// m ← β1·m + (1 − β1)·g ;  v ← β2·v + (1 − β2)·g²
    /// v̂ ← max(v̂, v)                                     (AMSGrad; v̂ replaces v below)
    /// θ ← θ − stepSize · m / (√v / √(1 − β2ᵗ) + ε)      with stepSize = lr / (1 − β1ᵗ)
    /// </code>
    /// The caller computes the scalars in double and passes them rounded to float, as PyTorch does.
    /// </summary>
    /// <param name="parameter">θ, updated in place.</param>
    /// <param name="gradient">g.</param>
    /// <param name="expAvg">m, updated in place.</param>
    /// <param name="expAvgSq">v, updated in place.</param>
    /// <param name="maxExpAvgSq">v̂ for AMSGrad, updated in place; empty otherwise.</param>
    /// <param name="scalars">The step's hyperparameters and bias corrections.</param>
    public static void Step(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> expAvg, Span<float> expAvgSq,
        Span<float> maxExpAvgSq, in AdamScalars scalars)
    {
        OptimKernelChecks.SameLength(parameter, gradient, nameof(gradient));
        OptimKernelChecks.SameLength(parameter, expAvg, nameof(expAvg));
        OptimKernelChecks.SameLength(parameter, expAvgSq, nameof(expAvgSq));
        bool amsgrad = !maxExpAvgSq.IsEmpty;
        if (amsgrad) OptimKernelChecks.SameLength(parameter, maxExpAvgSq, nameof(maxExpAvgSq));
        float beta1 = scalars.Beta1, beta2 = scalars.Beta2, oneMinusBeta1 = 1f - beta1, oneMinusBeta2 = 1f - beta2;
        for (int i = 0; i < parameter.Length; i++)
        {
            float p = parameter[i];
            if (scalars.DecoupledDecayFactor != 1f) p *= scalars.DecoupledDecayFactor;
            float g = gradient[i];
            if (scalars.WeightDecay != 0f) g += scalars.WeightDecay * p;
            float m = beta1 * expAvg[i] + oneMinusBeta1 * g;
            float v = beta2 * expAvgSq[i] + oneMinusBeta2 * g * g;
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (amsgrad)
            {
                v = MathF.Max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            float denominator = MathF.Sqrt(v) / scalars.BiasCorrection2Sqrt + scalars.Epsilon;
            parameter[i] = p - scalars.StepSize * m / denominator;
        }
    }
}

/// <summary>The scalars of one Adam step, computed once per parameter.</summary>
/// <param name="StepSize">lr / (1 − β1ᵗ).</param>
/// <param name="BiasCorrection2Sqrt">√(1 − β2ᵗ).</param>
/// <param name="Beta1">β1.</param>
/// <param name="Beta2">β2.</param>
/// <param name="Epsilon">ε.</param>
/// <param name="WeightDecay">Coupled decay λc (0 for AdamW).</param>
/// <param name="DecoupledDecayFactor">1 − lr·λd (1 for Adam).</param>
public readonly record struct AdamScalars(
    float StepSize, float BiasCorrection2Sqrt, float Beta1, float Beta2, float Epsilon, float WeightDecay, float DecoupledDecayFactor);
