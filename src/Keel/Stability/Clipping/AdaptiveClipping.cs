using System.Buffers;
using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Adaptive gradient clipping, AGC (Brock et al., 2021, "High-Performance Large-Scale Image Recognition Without Normalization").</summary>
/// <remarks>
/// For each unit i (a vector of the weight and its gradient over the unit axes):
/// <code>
/// w* = max(‖Wᵢ‖, ε) ;  if ‖Gᵢ‖ > λ·w*:  Gᵢ ← Gᵢ · λ·w* / max(‖Gᵢ‖, 1e-6)
/// </code>
/// Defaults λ 0.01 and ε 1e-3, as the reference implementation. The unit axes default to the
/// reference's <c>unitwise_norm</c> for Keel's layouts: the whole tensor for rank ≤ 1, axis 0 for
/// rank 2 and 3 (a <c>Linear</c> weight is <c>[in, out]</c>, so each output unit's incoming
/// weights), axes 0–2 for rank 4 (HWIO). The paper leaves the final classifier layer unclipped:
/// pass the parameters to clip.
/// </remarks>
public sealed class AdaptiveClipping : GradientClipping
{
    private static readonly int[] s_firstAxis = [0];
    private static readonly int[] s_firstThreeAxes = [0, 1, 2];
    private readonly int[]? _axes;

    internal AdaptiveClipping(float clipping, float epsilon, int[]? axes, NonFinitePolicy onNonFinite)
        : base(onNonFinite)
    {
        CheckPositive(clipping, nameof(clipping));
        CheckPositive(epsilon, nameof(epsilon));
        Clipping = clipping;
        Epsilon = epsilon;
        _axes = axes?.ToArray();
    }

    /// <summary>λ, the largest gradient-to-weight norm ratio.</summary>
    public float Clipping { get; }

    /// <summary>ε, the smallest weight norm (so that zero-initialized units still learn).</summary>
    public float Epsilon { get; }

    /// <summary>The unit axes, or null for the defaults by rank.</summary>
    public IReadOnlyList<int>? Axes => _axes;

    private protected override void ClipFinite(IReadOnlyList<Parameter> parameters, double totalNorm)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is { } grad) ClipUnits(parameters[i], grad, i);
        }
    }

    private void ClipUnits(Parameter parameter, Tensor grad, int position)
    {
        var shape = parameter.Shape;
        int[]? axes = _axes ?? (shape.Rank switch { <= 1 => null, 2 or 3 => s_firstAxis, _ => s_firstThreeAxes });
        Span<int> normalized = stackalloc int[axes?.Length ?? shape.Rank];
        AxisNorms.Normalize(shape, axes, normalized, "adaptive clipping", parameter, position);
        int groups = NormKernels.GroupCount(shape.Dims, normalized);
        var buffer = ArrayPool<double>.Shared.Rent(2 * groups);
        var weightNorms = buffer.AsSpan(0, groups);
        var factors = buffer.AsSpan(groups, groups);
        NormKernels.GroupSumsOfSquares(parameter.Data, shape.Dims, normalized, weightNorms);
        NormKernels.GroupSumsOfSquares(grad.Data, shape.Dims, normalized, factors);
        for (int g = 0; g < groups; g++)
        {
            double maxNorm = Math.Max(Math.Sqrt(weightNorms[g]), Epsilon) * Clipping;
            double gradNorm = Math.Sqrt(factors[g]);
            factors[g] = gradNorm > maxNorm ? maxNorm / Math.Max(gradNorm, 1e-6) : 1.0;
        }
        NormKernels.ScaleGroups(grad.Data, shape.Dims, normalized, factors);
        ArrayPool<double>.Shared.Return(buffer);
    }
}
