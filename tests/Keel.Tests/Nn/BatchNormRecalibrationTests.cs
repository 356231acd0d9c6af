using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class BatchNormRecalibrationTests
{
    [Fact]
    public void Running_statistics_become_the_average_of_the_batch_statistics_with_dropout_off()
    {
        var linear = new Linear(3, 2, generator: new Generator(1));
        var bn = new BatchNorm1d(2);
        var model = new Sequential(new Dropout(0.5f, new Generator(2)), linear, bn);
        model.Forward(Tensor.Normal([8, 3], new Generator(3), mean: 5f)); // drifted statistics to be replaced
        var batches = Enumerable.Range(0, 3).Select(k => Tensor.Normal([6, 3], new Generator((ulong)(10 + k)), mean: k)).ToList();

        // Expected: batch statistics of the Linear outputs without dropout, averaged over the three batches.
        var mean = new double[2];
        var variance = new double[2];
        foreach (var batch in batches)
        {
            using var noGrad = GradMode.NoGrad();
            var values = linear.Forward(batch).ToArray().Select(v => (double)v).ToArray();
            var (m, v) = NormalizationReference.Moments(values, 2);
            for (int c = 0; c < 2; c++)
            {
                mean[c] += m[c] / 3;
                variance[c] += v[c] * 6 / 5 / 3;
            }
        }

        Assert.Equal(3, BatchNormRecalibration.Recalibrate(model, batches));

        GradCheck.AssertClose("running_mean", bn.RunningMean!.ToArray(), mean, 1e-5, 1e-5);
        GradCheck.AssertClose("running_var", bn.RunningVar!.ToArray(), variance, 1e-5, 1e-5);
        Assert.All(model.NamedModules(), m => Assert.True(m.Module.IsTraining));
        // Back to the exponential average: the next batch moves the statistics by momentum 0.1.
        var before = bn.RunningMean!.ToArray();
        model.Eval(); // dropout off ...
        bn.Train(); // ... batch norm in training mode
        var next = batches[0];
        using (GradMode.NoGrad()) model.Forward(next);
        var expectedMean = NormalizationReference.Moments(linear.Forward(next).ToArray().Select(v => (double)v).ToArray(), 2).Mean;
        GradCheck.AssertClose("after", bn.RunningMean!.ToArray(), [0.9 * before[0] + 0.1 * expectedMean[0], 0.9 * before[1] + 0.1 * expectedMean[1]], 1e-5, 1e-5);
    }

    [Fact]
    public void A_model_without_batch_norm_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BatchNormRecalibration.Recalibrate(new Sequential(new Linear(2, 2)), [Tensor.Ones([2, 2])]));
        Assert.Equal("Sequential(1 layer) has no BatchNorm1d layer with running statistics to recalibrate", error.Message);
    }
}
