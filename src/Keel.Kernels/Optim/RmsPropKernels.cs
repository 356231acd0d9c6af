namespace Keel.Kernels.Optim;

/// <summary>The per-element update of RMSProp with PyTorch's rule.</summary>
public static class RmsPropKernels
{
    /// <summary>
    /// One RMSProp step, effectively:
    /// <code>
    /// g ← g + λ·θ
    /// s ← α·s + (1 − α)·g²
    /// a ← α·a + (1 − α)·g ;  d ← √(s − a²) + ε          (centered)
    /// d ← √s + ε                                         (otherwise)
    /// b ← μ·b + g/d ;  θ ← θ − lr·b                      (momentum μ ≠ 0)
    /// θ ← θ − lr·g/d                                     (otherwise)
    /// </code>
    /// </summary>
    /// <param name="parameter">θ, updated in place.</param>
    /// <param name="gradient">g.</param>
    /// <param name="squareAvg">s, updated in place.</param>
    /// <param name="gradAvg">a, updated in place when centered; empty otherwise.</param>
    /// <param name="momentumBuffer">b, updated in place when μ ≠ 0; empty otherwise.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="alpha">α.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="weightDecay">λ (coupled).</param>
    /// <param name="momentum">μ.</param>
    public static void Step(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> squareAvg, Span<float> gradAvg, Span<float> momentumBuffer,
        float learningRate, float alpha, float epsilon, float weightDecay, float momentum)
    {
        OptimKernelChecks.SameLength(parameter, gradient, nameof(gradient));
        OptimKernelChecks.SameLength(parameter, squareAvg, nameof(squareAvg));
        bool centered = !gradAvg.IsEmpty, useMomentum = momentum != 0f;
        if (centered) OptimKernelChecks.SameLength(parameter, gradAvg, nameof(gradAvg));
        if (useMomentum) OptimKernelChecks.SameLength(parameter, momentumBuffer, nameof(momentumBuffer));
        float oneMinusAlpha = 1f - alpha;
        for (int i = 0; i < parameter.Length; i++)
        {
            float g = gradient[i];
            if (weightDecay != 0f) g += weightDecay * parameter[i];
            float s = alpha * squareAvg[i] + oneMinusAlpha * g * g;
            squareAvg[i] = s;
            float d;
            if (centered)
            {
                float a = alpha * gradAvg[i] + oneMinusAlpha * g;
                gradAvg[i] = a;
                d = MathF.Sqrt(s - a * a) + epsilon;
            }
            else
            {
                d = MathF.Sqrt(s) + epsilon;
            }
            if (useMomentum)
            {
                float b = momentum * momentumBuffer[i] + g / d;
                momentumBuffer[i] = b;
                parameter[i] -= learningRate * b;
            }
            else
            {
                parameter[i] -= learningRate * (g / d);
            }
        }
    }
}
