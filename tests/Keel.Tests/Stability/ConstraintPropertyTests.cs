using FsCheck;
using FsCheck.Fluent;
using Keel.Kernels.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

/// <summary>Each constraint's invariant on random matrices of random size and scale.</summary>
public sealed class ConstraintPropertyTests
{
    [Fact]
    public void MaxNorm_leaves_every_vector_along_the_axis_at_most_the_bound()
        => Check((w, axis, g) =>
        {
            float bound = 0.1f + 3f * g.NextFloat();
            Constraints.MaxNorm(bound, axis).For([w]).Apply();
            return Norms(w, axis).All(n => n <= bound * (1 + 1e-6));
        });

    [Fact]
    public void UnitNorm_leaves_every_vector_at_norm_one_up_to_keras_epsilon()
        => Check((w, axis, g) =>
        {
            // Keras divides by ε + n, so a vector ends at norm n / (ε + n): 1 up to ε/n.
            var before = Norms(w, axis);
            Constraints.UnitNorm(axis).For([w]).Apply();
            return Norms(w, axis).Zip(before).All(p => p.First <= 1 + 1e-6 && Math.Abs(p.First - p.Second / (Constraints.Epsilon + p.Second)) <= 1e-6);
        });

    [Fact]
    public void NonNeg_leaves_no_negative_value()
        => Check((w, axis, g) =>
        {
            Constraints.NonNeg().For([w]).Apply();
            return w.ToArray().All(v => v >= 0f);
        });

    [Fact]
    public void MinMaxNorm_at_full_rate_puts_every_norm_in_the_range_up_to_keras_epsilon()
        => Check((w, axis, g) =>
        {
            float min = 0.5f * g.NextFloat(), max = min + 2f * g.NextFloat();
            var before = Norms(w, axis);
            Constraints.MinMaxNorm(min, max, axis: axis).For([w]).Apply();
            return Norms(w, axis).Zip(before).All(p =>
                p.First <= max * (1 + 1e-6) && p.First >= min * (1 - 1e-6) - min * Constraints.Epsilon / p.Second);
        });

    [Fact]
    public void TotalNorm_keeps_the_combined_norm_at_or_under_the_limit_exactly()
        => Check((w, axis, g) =>
        {
            var other = new Parameter(Tensor.Normal([1 + g.NextInt(5)], g, std: 10f));
            float limit = 0.01f + 5f * g.NextFloat();
            Constraints.TotalNorm(limit).For([w, other]).Apply();
            return Math.Sqrt(NormKernels.SumOfSquares(w.Data) + NormKernels.SumOfSquares(other.Data)) <= limit;
        });

    private static void Check(Func<Parameter, int, Generator, bool> property)
        => Prop.ForAll<int>(seed =>
        {
            var g = new Generator((ulong)(uint)seed);
            int rows = 1 + g.NextInt(6), cols = 1 + g.NextInt(6);
            // Norms from well under to well over the bounds; MinMaxNorm needs no zero vectors.
            var w = new Parameter(Tensor.Uniform([rows, cols], g, 0.01f, 1f) * MathF.Pow(10f, -1f + 2f * g.NextFloat()));
            var signs = w.Data;
            for (int i = 0; i < signs.Length; i++) signs[i] *= g.NextFloat() < 0.5f ? -1f : 1f;
            return property(w, g.NextInt(2), g);
        }).QuickCheckThrowOnFailure();

    /// <summary>The L2 norm of each vector along <paramref name="axis"/> of a matrix.</summary>
    private static double[] Norms(Parameter w, int axis)
    {
        int rows = w.Shape[0], cols = w.Shape[1];
        var v = w.ToArray();
        return axis == 0
            ? [.. Enumerable.Range(0, cols).Select(c => Math.Sqrt(Enumerable.Range(0, rows).Sum(r => (double)v[r * cols + c] * v[r * cols + c])))]
            : [.. Enumerable.Range(0, rows).Select(r => Math.Sqrt(Enumerable.Range(0, cols).Sum(c => (double)v[r * cols + c] * v[r * cols + c])))];
    }
}
