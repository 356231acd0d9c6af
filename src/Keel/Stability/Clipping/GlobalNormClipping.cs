using System.Numerics.Tensors;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// Clip by global norm, PyTorch's <c>clip_grad_norm_</c>: the total norm n over all gradients
/// (2-norm, or ∞-norm: the largest magnitude); if <c>c / (n + 1e-6) &lt; 1</c>, every gradient is
/// multiplied by it. The reported norm is n, before clipping.
/// </summary>
/// <remarks>
/// Keras' <c>global_clipnorm</c> (TF <c>clip_by_global_norm</c>) scales by <c>c / n</c> without the
/// 1e-6. Example: <c>[0.9, 100]</c> with c = 1 has n ≈ 100.004 and becomes about
/// <c>[0.0090, 0.99996]</c>: the direction is kept, the small component stays small.
/// </remarks>
public sealed class GlobalNormClipping : GradientClipping
{
    internal GlobalNormClipping(float maxNorm, float normType, NonFinitePolicy onNonFinite)
        : base(onNonFinite)
    {
        CheckPositive(maxNorm, nameof(maxNorm));
        if (normType != 2f && !float.IsPositiveInfinity(normType))
            throw new ArgumentOutOfRangeException(nameof(normType), normType, $"global-norm clipping supports norm type 2 or infinity, got {normType}");
        MaxNorm = maxNorm;
        NormType = normType;
    }

    /// <summary>c.</summary>
    public float MaxNorm { get; }

    /// <summary>2 or <see cref="float.PositiveInfinity"/>.</summary>
    public float NormType { get; }

    private protected override bool UsesInfinityNorm => float.IsPositiveInfinity(NormType);

    private protected override void ClipFinite(IReadOnlyList<Parameter> parameters, double totalNorm)
    {
        double coefficient = MaxNorm / (totalNorm + 1e-6);
        if (coefficient >= 1.0) return;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is not { } grad) continue;
            TensorPrimitives.Multiply(grad.Data, (float)coefficient, grad.Data);
        }
    }
}
