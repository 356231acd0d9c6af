using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

/// <summary>Clipping against PyTorch's <c>clip_grad_norm_</c>/<c>clip_grad_value_</c> and TF's <c>clip_by_norm</c>, worked by hand.</summary>
public sealed class GradientClippingTests
{
    [Fact]
    public void Global_norm_one_turns_0_9_and_100_into_0_0090_and_0_99996()
    {
        var p = WithGradient([0f, 0f], [0.9f, 100f]);
        var result = GradientClipping.GlobalNorm(1f).Clip([p]);

        // n = √(0.81 + 10000) = 100.00405; each component times 1/(n + 1e-6).
        var g = p.Grad!.ToArray();
        Assert.Equal(0.0090, g[0], 0.0090 * 5e-4);
        Assert.Equal(0.99996, g[1], 0.99996 * 5e-5);
        // The widely copied [0.00799, 0.999995] would not keep the gradient's direction.
        Assert.NotEqual(0.00799, g[0], 1e-4);
        Assert.Equal(100.00405f, result.Norm, 3);
        Assert.False(result.SkipStep);

        // PyTorch 1.13 (tests/reference/clipping.py): [0.00899963453412056, 0.9999594688415527], norm 100.0040512084961.
        Assert.Equal(0.00899963453412056, g[0], 0.00899963453412056 * 1e-6);
        Assert.Equal(0.9999594688415527, g[1], 1e-6);
    }

    [Fact]
    public void Global_norm_leaves_gradients_under_the_limit_unchanged_and_reports_their_norm()
    {
        var a = WithGradient([0f], [0.3f]);
        var b = WithGradient([0f], [0.4f]);
        var result = GradientClipping.GlobalNorm(1f).Clip([a, b]);
        Assert.Equal(0.5f, result.Norm, 6);
        Assert.Equal([0.3f], a.Grad!.ToArray());
        Assert.Equal([0.4f], b.Grad!.ToArray());
    }

    [Fact]
    public void Global_infinity_norm_uses_the_largest_magnitude()
    {
        var p = WithGradient([0f, 0f], [0.9f, -3f]);
        var result = GradientClipping.GlobalNorm(1f, normType: float.PositiveInfinity).Clip([p]);
        Assert.Equal(3f, result.Norm);
        Assert.Equal(0.3f, p.Grad!.Data[0], 6);
        Assert.Equal(-1f, p.Grad!.Data[1], 6);
    }

    [Fact]
    public void Clip_by_value_changes_the_direction_while_clip_by_norm_keeps_it()
    {
        var byValue = WithGradient([0f, 0f], [0.9f, 100f]);
        GradientClipping.Value(1f).Clip([byValue]);
        Assert.Equal([0.9f, 1f], byValue.Grad!.ToArray());

        var byNorm = WithGradient([0f, 0f], [0.9f, 100f]);
        GradientClipping.Norm(1f).Clip([byNorm]);
        var g = byNorm.Grad!.ToArray();
        Assert.Equal(0.9f / 100f, g[0] / g[1], 6);
        Assert.Equal(1f, MathF.Sqrt(g[0] * g[0] + g[1] * g[1]), 5);
        Assert.NotEqual(0.9f / 100f, byValue.Grad!.Data[0] / byValue.Grad!.Data[1], 3);
    }

    [Fact]
    public void Clip_by_norm_along_axis_0_bounds_each_column_of_a_3x2_gradient()
    {
        // Columns (3, 4, 0) with norm 5 and (0, 1, 2) with norm √5 ≈ 2.236; c = 2.5 halves the first only.
        var p = WithGradient(new float[6], [3f, 0f, 4f, 1f, 0f, 2f], [3, 2]);
        GradientClipping.Norm(2.5f, axes: [0]).Clip([p]);
        AssertClose([1.5f, 0f, 2f, 1f, 0f, 2f], p.Grad!.ToArray());
    }

    [Fact]
    public void Clip_by_norm_along_axis_1_bounds_each_row_of_a_3x2_gradient()
    {
        // Rows (3, 0) norm 3, (4, 1) norm √17, (0, 2) norm 2: the first two scale to norm 2.5.
        var p = WithGradient(new float[6], [3f, 0f, 4f, 1f, 0f, 2f], [3, 2]);
        GradientClipping.Norm(2.5f, axes: [-1]).Clip([p]);
        float s = 2.5f / MathF.Sqrt(17f);
        AssertClose([2.5f, 0f, 4f * s, 1f * s, 0f, 2f], p.Grad!.ToArray());
    }

    [Fact]
    public void Clip_by_norm_names_the_parameter_when_an_axis_is_out_of_range()
    {
        var p = WithGradient(new float[6], new float[6], [3, 2], "layers.0.weight");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.Norm(1f, axes: [2]).Clip([p]));
        Assert.Contains("layers.0.weight", error.Message);
        Assert.Contains("[3, 2]", error.Message);
    }

    [Fact]
    public void Adaptive_clipping_bounds_each_units_gradient_to_weight_norm_ratio()
    {
        // Units are columns ([in, out] layout). Column 0: ‖W‖ = 5, ‖G‖ = 0.5 = λ·5, kept.
        // Column 1: ‖W‖ = 0 → ε = 1e-3, ‖G‖ = 1 > λ·ε = 1e-4, scaled to norm 1e-4.
        var p = WithGradient([3f, 0f, 4f, 0f], [0.3f, 1f, 0.4f, 0f], [2, 2]);
        GradientClipping.Adaptive(clipping: 0.1f).Clip([p]);
        AssertClose([0.3f, 1e-4f, 0.4f, 0f], p.Grad!.ToArray());
    }

    [Fact]
    public void A_nan_gradient_throws_by_default_naming_the_first_parameter()
    {
        var good = WithGradient([1f], [1f], [1], "layers.0.weight");
        var bad = WithGradient([1f], [float.NaN], [1], "layers.1.bias");
        var error = Assert.Throws<NonFiniteException>(() => GradientClipping.GlobalNorm(1f).Clip([good, bad]));
        Assert.Equal("layers.1.bias", error.ParameterName);
        Assert.Contains("layers.1.bias", error.Message);
    }

    [Fact]
    public void The_skip_policy_reports_the_step_to_skip_and_leaves_the_gradients()
    {
        var p = WithGradient([1f, 1f], [float.PositiveInfinity, 2f]);
        var result = GradientClipping.Value(1f, NonFinitePolicy.SkipStep).Clip([p]);
        Assert.True(result.SkipStep);
        Assert.Equal("params.0", result.NonFiniteParameter);
        Assert.Equal([float.PositiveInfinity, 2f], p.Grad!.ToArray());
    }

    [Fact]
    public void The_zero_policy_zeroes_every_gradient()
    {
        var a = WithGradient([1f], [3f]);
        var b = WithGradient([1f], [float.NaN]);
        var result = GradientClipping.Norm(1f, onNonFinite: NonFinitePolicy.ZeroGradients).Clip([a, b]);
        Assert.False(result.SkipStep);
        Assert.Equal([0f], a.Grad!.ToArray());
        Assert.Equal([0f], b.Grad!.ToArray());
    }

    [Fact]
    public void Invalid_limits_are_rejected_with_their_values()
    {
        Assert.Contains("-1", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.GlobalNorm(-1f)).Message);
        Assert.Contains("norm type 2 or infinity, got 1", Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.GlobalNorm(1f, normType: 1f)).Message);
    }

    internal static Parameter WithGradient(float[] values, float[] gradient, int[]? shape = null, string? name = null)
    {
        var s = shape is null ? new Shape([values.Length]) : new Shape(shape);
        var p = new Parameter(Tensor.FromArray(values, s), name) { Grad = Tensor.FromArray(gradient, s) };
        return p;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(MathF.Abs(expected[i] - actual[i]) <= 1e-6f + 1e-5f * MathF.Abs(expected[i]), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
