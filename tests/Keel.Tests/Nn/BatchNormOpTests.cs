using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class BatchNormOpTests
{
    [Theory]
    [InlineData(new[] { 8, 3 })]
    [InlineData(new[] { 4, 5, 3 })]
    [InlineData(new[] { 2, 1 })]
    public void Training_forward_and_backward_match_the_formula_on_batch_statistics(int[] shape)
    {
        int channels = shape[^1];
        var x = GradCheck.Random(new Shape(shape), 1);
        var gamma = Tensor.Uniform([channels], new Generator(2), 0.5f, 1.5f, requiresGrad: true);
        var beta = GradCheck.Random([channels], 3);
        GradCheck.Check(
            t => t[0].BatchNorm(null, null, t[1], t[2], training: true),
            v => NormalizationReference.BatchNorm(v[0], channels, v[1], v[2]),
            [x, gamma, beta]);
    }

    [Fact]
    public void Training_without_affine_parameters_matches_the_formula()
    {
        var x = GradCheck.Random([6, 4], 4);
        GradCheck.Check(t => t[0].BatchNorm(null, null, null, null, training: true), v => NormalizationReference.BatchNorm(v[0], 4, null, null), [x]);
    }

    [Fact]
    public void Eval_forward_and_backward_use_the_fixed_running_statistics()
    {
        var x = GradCheck.Random([5, 3], 5);
        var gamma = GradCheck.Random([3], 6);
        var beta = GradCheck.Random([3], 7);
        var runningMean = Tensor.FromArray([0.5f, -1f, 2f]);
        var runningVar = Tensor.FromArray([1f, 0.25f, 4f]);
        GradCheck.Check(
            t => t[0].BatchNorm(runningMean, runningVar, t[1], t[2], training: false),
            v => NormalizationReference.Normalize(v[0], [0.5, -1, 2], [1, 0.25, 4], v[1], v[2], 1e-5),
            [x, gamma, beta]);
        Assert.Equal([0.5f, -1f, 2f], runningMean.ToArray());
    }

    [Fact]
    public void A_hand_computed_batch_normalizes_to_plus_and_minus_one()
    {
        // Channel values {1, 3}: mean 2, biased variance 1, so x̂ = ∓1/√(1 + ε); γ = 2, β = 0.5.
        var x = Tensor.FromArray(new float[,] { { 1f, 10f }, { 3f, 10f } });
        var y = x.BatchNorm(null, null, Tensor.FromArray([2f, 1f]), Tensor.FromArray([0.5f, 0f]), training: true, eps: 1e-5f);
        double s = 1 / Math.Sqrt(1 + 1e-5);
        GradCheck.AssertClose("batch norm", y.ToArray(), [0.5 - 2 * s, 0, 0.5 + 2 * s, 0], 1e-6, 1e-6);
    }

    [Fact]
    public void A_training_batch_of_one_is_refused_with_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones([1, 4]).BatchNorm(null, null, null, null, training: true));
        Assert.Contains("expected more than 1 value per channel when training", error.Message);
        Assert.Contains("[1, 4]", error.Message);
    }

    [Fact]
    public void Mismatched_parameter_shapes_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Ones([2, 4]).BatchNorm(null, null, Tensor.Ones([3]), null, training: true));
        Assert.Equal("BatchNorm: weight of shape [3] does not match the 4 channels of input [2, 4]", error.Message);
    }
}
