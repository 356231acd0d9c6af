namespace Keel.Kernels.Optim;

/// <summary>The per-element update of Adagrad with PyTorch's rule.</summary>
public static class AdagradKernels
{
    /// <summary>
    /// One Adagrad step, effectively:
    /// <code>
    /// g ← g + λ·θ ;  S ← S + g² ;  θ ← θ − clr · g / (√S + ε)
    /// </code>
    /// with <c>clr = lr / (1 + (t − 1)·lrDecay)</c> computed by the caller.
    /// </summary>
    /// <param name="parameter">θ, updated in place.</param>
    /// <param name="gradient">g.</param>
    /// <param name="sum">S, updated in place.</param>
    /// <param name="learningRate">clr, the decayed learning rate of this step.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="weightDecay">λ (coupled).</param>
    public static void Step(Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> sum, float learningRate, float epsilon, float weightDecay)
    {
        OptimKernelChecks.SameLength(parameter, gradient, nameof(gradient));
        OptimKernelChecks.SameLength(parameter, sum, nameof(sum));
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i];
            if (weightDecay != 0f) g += weightDecay * parameter[i];
            float s = sum[i] + g * g;
            sum[i] = s;
            parameter[i] -= learningRate * (g / (MathF.Sqrt(s) + epsilon));
        }
    }
}
