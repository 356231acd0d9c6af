using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// Clip by norm per tensor, TF's <c>clip_by_norm(g, c, axes)</c>: <c>g ← g · c / max(‖g‖, c)</c>
/// with the L2 norm taken over <see cref="Axes"/> for each vector (over the whole tensor when null).
/// </summary>
/// <remarks>
/// Keras' <c>clipnorm</c> is the case without axes. On a <c>[3, 2]</c> gradient, axes <c>[0]</c>
/// bound each column and <c>[1]</c> each row. Vectors under the bound are unchanged.
/// </remarks>
public sealed class NormClipping : GradientClipping
{
    private readonly int[]? _axes;

    internal NormClipping(float maxNorm, int[]? axes, NonFinitePolicy onNonFinite)
        : base(onNonFinite)
    {
        CheckPositive(maxNorm, nameof(maxNorm));
        MaxNorm = maxNorm;
        _axes = axes?.ToArray();
    }

    /// <summary>c.</summary>
    public float MaxNorm { get; }

    /// <summary>The axes the norm is taken over; null for the whole tensor.</summary>
    public IReadOnlyList<int>? Axes => _axes;

    private protected override void ClipFinite(IReadOnlyList<Parameter> parameters, double totalNorm)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is not { } grad) continue;
            AxisNorms.Rescale(grad.Data, grad.Shape, _axes, new Rule(MaxNorm), "clip by norm", parameters[i], i);
        }
    }

    private readonly struct Rule(double maxNorm) : AxisNorms.IRule
    {
        public double Factor(double norm) => maxNorm / Math.Max(norm, maxNorm);
    }
}
