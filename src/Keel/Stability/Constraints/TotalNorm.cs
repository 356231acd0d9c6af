using System.Numerics.Tensors;
using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// A joint budget: keeps the combined L2 norm of all the bound parameters, <c>√(Σₚ ‖p‖²)</c>, at
/// or under <see cref="Limit"/>; when it is over, every parameter is scaled by <c>limit / n</c>.
/// </summary>
/// <remarks>
/// Neither Keras nor PyTorch has it: it is global-norm clipping applied to the weights. The
/// bound holds exactly after rounding: should float rounding leave the norm a hair over the limit,
/// the factor shrinks by a few ulps until it does not.
/// </remarks>
public sealed class TotalNorm : Constraint
{
    internal TotalNorm(float limit)
    {
        if (!(limit >= 0f) || float.IsInfinity(limit)) throw new ArgumentOutOfRangeException(nameof(limit), limit, $"TotalNorm: limit must be ≥ 0 and finite, got {limit}");
        Limit = limit;
    }

    /// <summary>The largest combined norm allowed.</summary>
    public float Limit { get; }

    /// <inheritdoc />
    public override void Apply(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double norm = Norm(parameters);
        if (!(norm > Limit)) return;
        for (double shrink = 1.0; norm > Limit; shrink -= 1e-7)
        {
            float factor = (float)(Limit / norm * shrink);
            for (int i = 0; i < parameters.Count; i++) TensorPrimitives.Multiply(parameters[i].Data, factor, parameters[i].Data);
            norm = Norm(parameters);
        }
    }

    private static double Norm(IReadOnlyList<Parameter> parameters)
    {
        double sum = 0;
        for (int i = 0; i < parameters.Count; i++) sum += NormKernels.SumOfSquares(parameters[i].Data);
        return Math.Sqrt(sum);
    }
}
