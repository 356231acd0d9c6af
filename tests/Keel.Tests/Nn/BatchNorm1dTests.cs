using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class BatchNorm1dTests
{
    [Fact]
    public void Running_statistics_after_three_batches_follow_the_pytorch_formulas()
    {
        var layer = new BatchNorm1d(3);
        double[] runningMean = [0, 0, 0], runningVar = [1, 1, 1];
        for (int step = 0; step < 3; step++)
        {
            var x = Tensor.Normal([5, 3], new Generator((ulong)step), mean: step, std: 1 + step);
            var values = x.ToArray().Select(v => (double)v).ToArray();
            var y = layer.Forward(x);
            // Normalized with the biased variance ...
            var (mean, variance) = NormalizationReference.Moments(values, 3);
            GradCheck.AssertClose($"output of batch {step}", y.ToArray(), NormalizationReference.Normalize(values, mean, variance, null, null, 1e-5));
            // ... while the running variance takes the unbiased one, with momentum 0.1.
            for (int c = 0; c < 3; c++)
            {
                runningMean[c] = 0.9 * runningMean[c] + 0.1 * mean[c];
                runningVar[c] = 0.9 * runningVar[c] + 0.1 * variance[c] * 5 / 4;
            }
        }
        GradCheck.AssertClose("running_mean", layer.RunningMean!.ToArray(), runningMean, 1e-6, 1e-5);
        GradCheck.AssertClose("running_var", layer.RunningVar!.ToArray(), runningVar, 1e-6, 1e-5);

        layer.Eval();
        var probe = Tensor.Normal([2, 3], new Generator(10));
        var expected = NormalizationReference.Normalize(probe.ToArray().Select(v => (double)v).ToArray(), runningMean, runningVar, null, null, 1e-5);
        GradCheck.AssertClose("eval output", layer.Forward(probe).ToArray(), expected, 1e-5, 1e-4);
        GradCheck.AssertClose("running_mean after eval", layer.RunningMean!.ToArray(), runningMean, 1e-6, 1e-5);
    }

    [Fact]
    public void A_three_axis_input_reduces_over_batch_and_time()
    {
        var layer = new BatchNorm1d(4);
        var x = Tensor.Normal([2, 3, 4], new Generator(3), mean: 1f, std: 2f);
        var values = x.ToArray().Select(v => (double)v).ToArray();
        var y = layer.Forward(x);
        // Six rows (B·T) per channel; viewing [2, 3, 4] as [6, 4] is exactly a reduction over axes 0 and 1.
        var (mean, variance) = NormalizationReference.Moments(values, 4);
        GradCheck.AssertClose("output", y.ToArray(), NormalizationReference.Normalize(values, mean, variance, null, null, 1e-5));
        GradCheck.AssertClose("running_mean", layer.RunningMean!.ToArray(), mean.Select(m => 0.1 * m).ToArray(), 1e-6, 1e-5);
        GradCheck.AssertClose("running_var", layer.RunningVar!.ToArray(), variance.Select(v => 0.9 + 0.1 * v * 6 / 5).ToArray(), 1e-6, 1e-5);
        Assert.Equal(new Shape([2, 3, 4]), y.Shape);
    }

    [Fact]
    public void Gradients_of_the_layer_match_finite_differences_on_three_axes()
    {
        var layer = new BatchNorm1d(3);
        new float[] { 0.5f, 1.5f, -1f }.CopyTo(layer.Weight!.Data);
        var x = GradCheck.Random([2, 4, 3], 4);
        GradCheck.Check(t => layer.Forward(t[0]), v => NormalizationReference.BatchNorm(v[0], 3, [0.5, 1.5, -1], [0, 0, 0]), [x]);
        Assert.NotNull(layer.Weight.Grad);
        Assert.NotNull(layer.Bias!.Grad);
    }

    [Fact]
    public void A_training_batch_of_one_names_the_layer_and_the_shape_but_eval_accepts_it()
    {
        var model = new Sequential(new Linear(3, 4, bias: false), new BatchNorm1d(4));
        var error = Assert.Throws<ArgumentException>(() => model.Forward(Tensor.Ones([1, 3])));
        Assert.StartsWith("BatchNorm1d(4) at 'layers.1': expected more than 1 value per channel when training, got input of shape [1, 4]", error.Message);
        model.Eval();
        Assert.All(model.Forward(Tensor.Ones([1, 3])).ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Keras_momentum_weights_the_old_value_and_can_use_the_biased_variance()
    {
        var layer = new BatchNorm1d(1, kerasMomentum: 0.99f, unbiasedRunningVar: false);
        Assert.Equal(0.01f, layer.Momentum, 6);
        layer.Forward(Tensor.FromArray([1f, 3f], [2, 1]));
        Assert.Equal(0.02f, layer.RunningMean!.Item(), 6);
        Assert.Equal(0.99f + 0.01f * 1f, layer.RunningVar!.Item(), 6);
    }

    [Fact]
    public void Running_statistics_can_be_reset_for_recalibration()
    {
        var layer = new BatchNorm1d(2);
        layer.Forward(Tensor.Normal([4, 2], new Generator(1), mean: 3f));
        layer.ResetRunningStats();
        Assert.Equal([0f, 0f], layer.RunningMean!.ToArray());
        Assert.Equal([1f, 1f], layer.RunningVar!.ToArray());
    }

    [Fact]
    public void Without_affine_or_running_statistics_there_are_no_parameters_or_buffers()
    {
        var layer = new BatchNorm1d(5, affine: false, trackRunningStats: false);
        Assert.Empty(layer.Parameters());
        Assert.Empty(layer.Buffers());
        layer.Eval();
        var y = layer.Forward(Tensor.FromArray([1f, 3f], [2, 1]).Reshape(2, 1) * Tensor.Ones([1, 5]));
        GradCheck.AssertClose("batch statistics in eval", y.ToArray(), [.. Enumerable.Repeat(-1.0, 5), .. Enumerable.Repeat(1.0, 5)], 1e-4, 1e-4);
    }

    [Fact]
    public void Gain_and_shift_start_at_one_and_zero_unless_initializers_are_given()
    {
        var plain = new BatchNorm1d(3);
        Assert.Equal([1f, 1f, 1f], plain.Weight!.ToArray());
        Assert.Equal([0f, 0f, 0f], plain.Bias!.ToArray());
        var zeroGain = new BatchNorm1d(3, weightInit: Initializers.Zeros(), biasInit: Initializers.Constant(0.5f));
        Assert.Equal([0f, 0f, 0f], zeroGain.Weight!.ToArray());
        Assert.All(zeroGain.Forward(Tensor.Normal([4, 3], new Generator(1))).ToArray(), v => Assert.Equal(0.5f, v));
        var layerNorm = new LayerNorm(new Shape([2]), weightInit: Initializers.Constant(2f));
        Assert.Equal([2f, 2f], layerNorm.Weight!.ToArray());
    }
}
