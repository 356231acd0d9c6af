namespace Keel.Kernels.Optim;

/// <summary>The per-element update of stochastic gradient descent with PyTorch's rule.</summary>
public static class SgdKernels
{
    /// <summary>
    /// One SGD step, effectively:
    /// <code>
    /// d ← g + λ·θ
    /// b ← d                       (first step)      b ← μ·b + (1 − τ)·d   (later steps)
    /// d ← d + μ·b  (Nesterov)     d ← b             (otherwise, when μ ≠ 0)
    /// θ ← θ − lr·d
    /// </code>
    /// </summary>
    /// <param name="parameter">θ, updated in place.</param>
    /// <param name="gradient">g.</param>
    /// <param name="momentumBuffer">b, updated in place; empty when μ = 0.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="dampening">τ.</param>
    /// <param name="weightDecay">λ (coupled: added to the gradient).</param>
    /// <param name="nesterov">Use the Nesterov form.</param>
    /// <param name="firstStep">True when the momentum buffer holds no history yet.</param>
    public static void Step(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> momentumBuffer,
        float learningRate, float momentum, float dampening, float weightDecay, bool nesterov, bool firstStep)
    {
        OptimKernelChecks.SameLength(parameter, gradient, nameof(gradient));
        if (momentum != 0f) OptimKernelChecks.SameLength(parameter, momentumBuffer, nameof(momentumBuffer));
        float keep = 1f - dampening;
        for (int i = 0; i < parameter.Length; i++)
        {
            float d = gradient[i];
            if (weightDecay != 0f) d += weightDecay * parameter[i];
            if (momentum != 0f)
            {
                float b = firstStep ? d : momentum * momentumBuffer[i] + keep * d;
                momentumBuffer[i] = b;
                d = nesterov ? d + momentum * b : b;
            }
            parameter[i] -= learningRate * d;
        }
    }
}
