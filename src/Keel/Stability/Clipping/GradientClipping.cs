using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// Rescales gradients in place before the optimizer step. Create one with <see cref="Value"/>,
/// <see cref="Norm"/>, <see cref="GlobalNorm"/> or <see cref="Adaptive"/>.
/// </summary>
/// <remarks>
/// Every kind first measures the total gradient norm and looks for NaN and infinity; a
/// non-finite gradient is handled by the explicit <see cref="OnNonFinite"/> policy and is never
/// clipped (a NaN would spread to every gradient). Parameters without a gradient are ignored.
/// </remarks>
public abstract class GradientClipping
{
    private protected GradientClipping(NonFinitePolicy onNonFinite) => OnNonFinite = onNonFinite;

    /// <summary>What happens when a gradient is not finite.</summary>
    public NonFinitePolicy OnNonFinite { get; }

    /// <summary>Clip by value: each gradient element clamped to <c>[−c, c]</c>.</summary>
    /// <remarks>PyTorch's <c>clip_grad_value_</c>, Keras' <c>clipvalue</c>. It changes the direction of the gradient.</remarks>
    public static GradientClipping Value(float clipValue, NonFinitePolicy onNonFinite = NonFinitePolicy.Throw)
        => new ValueClipping(clipValue, onNonFinite);

    /// <summary>Clip by norm per tensor: <c>g ← g · c / max(‖g‖, c)</c>, the norm over <paramref name="axes"/> (all when null).</summary>
    /// <remarks>TF's <c>clip_by_norm(t, c, axes)</c>; Keras' <c>clipnorm</c> is the case without axes. Keeps each vector's direction.</remarks>
    public static GradientClipping Norm(float maxNorm, int[]? axes = null, NonFinitePolicy onNonFinite = NonFinitePolicy.Throw)
        => new NormClipping(maxNorm, axes, onNonFinite);

    /// <summary>Clip by global norm: if the total norm n over all gradients exceeds c, scale all by <c>c / (n + 1e-6)</c>.</summary>
    /// <remarks>
    /// PyTorch's <c>clip_grad_norm_(max_norm, norm_type)</c> with norm type 2 or ∞; Keras'
    /// <c>global_clipnorm</c> (TF <c>clip_by_global_norm</c>) scales by <c>c / n</c> without the 1e-6.
    /// <c>[0.9, 100]</c> with c = 1 becomes <c>[0.0090, 0.99996]</c>. The result's norm is the one before clipping.
    /// </remarks>
    public static GradientClipping GlobalNorm(float maxNorm, float normType = 2f, NonFinitePolicy onNonFinite = NonFinitePolicy.Throw)
        => new GlobalNormClipping(maxNorm, normType, onNonFinite);

    /// <summary>Adaptive gradient clipping (Brock et al., 2021): bounds each unit's gradient-to-weight norm ratio by λ.</summary>
    /// <inheritdoc cref="AdaptiveClipping" path="/remarks"/>
    public static GradientClipping Adaptive(float clipping = 0.01f, float epsilon = 1e-3f, int[]? axes = null, NonFinitePolicy onNonFinite = NonFinitePolicy.Throw)
        => new AdaptiveClipping(clipping, epsilon, axes, onNonFinite);

    /// <summary>Clips the gradients of <paramref name="parameters"/> in place.</summary>
    /// <exception cref="NonFiniteException">A gradient is not finite and the policy is <see cref="NonFinitePolicy.Throw"/>.</exception>
    public ClippingResult Clip(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double sumOfSquares = 0;
        float maxAbs = 0f;
        string? firstNonFinite = null;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is not { } grad) continue;
            double squares = NormKernels.SumOfSquares(grad.Data);
            // Squares of floats cannot overflow a double, so an infinite sum means a NaN or an infinity.
            if (!double.IsFinite(squares)) firstNonFinite ??= ParameterNames.Of(parameters[i], i);
            sumOfSquares += squares;
            if (UsesInfinityNorm) maxAbs = MathF.Max(maxAbs, NormKernels.MaxAbs(grad.Data));
        }
        double norm = UsesInfinityNorm ? maxAbs : Math.Sqrt(sumOfSquares);
        if (firstNonFinite is null)
        {
            ClipFinite(parameters, norm);
            return new ClippingResult((float)norm, SkipStep: false, null);
        }
        switch (OnNonFinite)
        {
            case NonFinitePolicy.Throw:
                throw new NonFiniteException($"the gradient of {firstNonFinite} is not finite (NaN or infinity) and gradient clipping's policy is Throw", firstNonFinite);
            case NonFinitePolicy.ZeroGradients:
                foreach (var parameter in parameters) parameter.ZeroGrad();
                return new ClippingResult((float)norm, SkipStep: false, firstNonFinite);
            default:
                return new ClippingResult((float)norm, SkipStep: true, firstNonFinite);
        }
    }

    /// <summary>Whether the reported total norm is the ∞-norm rather than the 2-norm.</summary>
    private protected virtual bool UsesInfinityNorm => false;

    /// <summary>Clips gradients known to be finite, given their total norm.</summary>
    private protected abstract void ClipFinite(IReadOnlyList<Parameter> parameters, double totalNorm);

    private protected static void CheckPositive(float value, string name)
    {
        if (!(value > 0f) || float.IsInfinity(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite, got {value}");
    }
}
