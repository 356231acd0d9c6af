using System.Buffers;
using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Rescales the vectors of a tensor, taken over some axes, by a factor of each vector's L2 norm.</summary>
internal static class AxisNorms
{
    /// <summary>The rule: the factor a vector of norm n is multiplied by.</summary>
    public interface IRule
    {
        double Factor(double norm);
    }

    /// <summary>
    /// For each vector over <paramref name="axes"/> (all axes when null; negative axes count from
    /// the end): <c>v ← v · rule.Factor(‖v‖)</c>. Allocates nothing in steady state.
    /// </summary>
    public static void Rescale<TRule>(Span<float> values, Shape shape, int[]? axes, TRule rule, string what, Parameter parameter, int position)
        where TRule : struct, IRule
    {
        Span<int> normalized = stackalloc int[axes?.Length ?? shape.Rank];
        Normalize(shape, axes, normalized, what, parameter, position);
        int groups = NormKernels.GroupCount(shape.Dims, normalized);
        var norms = ArrayPool<double>.Shared.Rent(groups);
        var span = norms.AsSpan(0, groups);
        NormKernels.GroupSumsOfSquares(values, shape.Dims, normalized, span);
        for (int g = 0; g < groups; g++) span[g] = rule.Factor(Math.Sqrt(span[g]));
        NormKernels.ScaleGroups(values, shape.Dims, normalized, span);
        ArrayPool<double>.Shared.Return(norms);
    }

    /// <summary>Writes the 0-based, distinct axes (every axis when <paramref name="axes"/> is null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is outside the shape or repeated; the message names <paramref name="what"/> and the parameter.</exception>
    public static void Normalize(Shape shape, int[]? axes, Span<int> normalized, string what, Parameter parameter, int position)
    {
        if (axes is null)
        {
            for (int a = 0; a < shape.Rank; a++) normalized[a] = a;
            return;
        }
        for (int i = 0; i < axes.Length; i++)
        {
            int axis = axes[i] < 0 ? axes[i] + shape.Rank : axes[i];
            if (axis < 0 || axis >= shape.Rank || normalized[..i].Contains(axis))
                throw new ArgumentOutOfRangeException(nameof(axes), $"{what} of {ParameterNames.Of(parameter, position)}: axis {axes[i]} is out of range or repeated for shape {shape}");
            normalized[i] = axis;
        }
    }
}
