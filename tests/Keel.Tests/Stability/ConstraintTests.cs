using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

/// <summary>The constraints against Keras' formulas, worked by hand (ε = 1e-7 is below the tolerance).</summary>
public sealed class ConstraintTests
{
    // Columns (3, 4, 0) with norm 5 and (0, 1, 1) with norm √2; rows (3, 0), (4, 1), (0, 1).
    private static readonly float[] s_matrix = [3f, 0f, 4f, 1f, 0f, 1f];

    [Fact]
    public void MaxNorm_along_axis_0_bounds_each_column_of_a_3x2_matrix()
    {
        var w = Matrix();
        Constraints.MaxNorm(2f, axis: 0).For([w]).Apply();
        AssertClose([1.2f, 0f, 1.6f, 1f, 0f, 1f], w.ToArray());
    }

    [Fact]
    public void MaxNorm_along_axis_1_bounds_each_row_of_a_3x2_matrix()
    {
        var w = Matrix();
        Constraints.MaxNorm(2f, axis: 1).For([w]).Apply();
        float s = 2f / MathF.Sqrt(17f);
        AssertClose([2f, 0f, 4f * s, 1f * s, 0f, 1f], w.ToArray());
    }

    [Fact]
    public void UnitNorm_scales_each_column_to_norm_one()
    {
        var w = Matrix();
        Constraints.UnitNorm().For([w]).Apply();
        float r = 1f / MathF.Sqrt(2f);
        AssertClose([0.6f, 0f, 0.8f, r, 0f, r], w.ToArray());
    }

    [Fact]
    public void NonNeg_zeroes_the_negative_values_only()
    {
        var w = new Parameter(Tensor.FromArray([-1f, 0f, 2f, -0.5f]));
        Constraints.NonNeg().For([w]).Apply();
        Assert.Equal([0f, 0f, 2f, 0f], w.ToArray());
    }

    [Fact]
    public void MinMaxNorm_moves_each_norm_toward_the_range_at_the_given_rate()
    {
        // Vectors of norm 4 and 0.5 with range [1, 2], rate 0.5: desired 0.5·2 + 0.5·4 = 3 and 0.5·1 + 0.5·0.5 = 0.75.
        var w = new Parameter(Tensor.FromArray([4f, 0.5f, 0f, 0f], [2, 2]));
        Constraints.MinMaxNorm(1f, 2f, rate: 0.5f, axis: 0).For([w]).Apply();
        AssertClose([3f, 0.75f, 0f, 0f], w.ToArray());
    }

    [Fact]
    public void TotalNorm_scales_a_group_over_budget_to_the_limit_and_leaves_one_under_it()
    {
        var a = new Parameter(Tensor.FromArray([3f]));
        var b = new Parameter(Tensor.FromArray([4f]));
        Constraints.TotalNorm(1f).For([a, b]).Apply();
        AssertClose([0.6f], a.ToArray());
        AssertClose([0.8f], b.ToArray());

        var c = new Parameter(Tensor.FromArray([0.3f, 0.4f]));
        Constraints.TotalNorm(1f).For([c]).Apply();
        Assert.Equal([0.3f, 0.4f], c.ToArray());
    }

    [Fact]
    public void An_axis_outside_the_parameter_names_it_and_its_shape()
    {
        var w = new Parameter(Tensor.Ones([3, 2]), "layers.0.weight");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Constraints.MaxNorm(1f, axis: 2).For([w]).Apply());
        Assert.Contains("MaxNorm of layers.0.weight", error.Message);
        Assert.Contains("[3, 2]", error.Message);
    }

    [Fact]
    public void Invalid_bounds_are_rejected_with_their_values()
    {
        Assert.Contains("-1", Assert.Throws<ArgumentOutOfRangeException>(() => Constraints.MaxNorm(-1f)).Message);
        Assert.Contains("got 3 and 2", Assert.Throws<ArgumentOutOfRangeException>(() => Constraints.MinMaxNorm(3f, 2f)).Message);
        Assert.Contains("1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Constraints.MinMaxNorm(rate: 1.5f)).Message);
    }

    private static Parameter Matrix() => new(Tensor.FromArray(s_matrix, [3, 2]), "w");

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(MathF.Abs(expected[i] - actual[i]) <= 1e-6f + 1e-5f * MathF.Abs(expected[i]), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
