using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class LayerNormOpTests
{
    [Theory]
    [InlineData(new[] { 4, 6 })]
    [InlineData(new[] { 2, 3, 5 })]
    [InlineData(new[] { 7 })]
    public void Forward_and_backward_match_the_formula(int[] shape)
    {
        int features = shape[^1];
        var x = GradCheck.Random(new Shape(shape), 1);
        var gamma = Tensor.Uniform([features], new Generator(2), 0.5f, 1.5f, requiresGrad: true);
        var beta = GradCheck.Random([features], 3);
        GradCheck.Check(
            t => t[0].LayerNorm([features], t[1], t[2]),
            v => NormalizationReference.LayerNorm(v[0], features, v[1], v[2]),
            [x, gamma, beta]);
    }

    [Fact]
    public void Several_trailing_axes_normalize_together_without_affine()
    {
        var x = GradCheck.Random([2, 3, 4], 4);
        GradCheck.Check(t => t[0].LayerNorm([3, 4]), v => NormalizationReference.LayerNorm(v[0], 12, null, null), [x]);
    }

    [Fact]
    public void A_hand_computed_row_normalizes_to_its_z_scores()
    {
        // Row {1, 2, 3}: mean 2, biased variance 2/3.
        var y = Tensor.FromArray([1f, 2f, 3f]).LayerNorm([3], eps: 1e-5f);
        double s = 1 / Math.Sqrt(2.0 / 3 + 1e-5);
        GradCheck.AssertClose("layer norm", y.ToArray(), [-s, 0, s], 1e-6, 1e-6);
    }

    [Fact]
    public void A_normalized_shape_that_is_not_trailing_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones([2, 3]).LayerNorm([2]));
        Assert.Equal("LayerNorm: normalized shape [2] is not the trailing axes of input [2, 3]", error.Message);
    }
}
