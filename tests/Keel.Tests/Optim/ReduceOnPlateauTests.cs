using Keel.Optim;

namespace Keel.Tests.Optim;

/// <summary>Scripted metric sequences against PyTorch's <c>ReduceLROnPlateau</c> rule, worked by hand.</summary>
public sealed class ReduceOnPlateauTests
{
    [Fact]
    public void Reduces_once_the_bad_checks_exceed_the_patience()
    {
        var plateau = new ReduceOnPlateau(factor: 0.5f, patience: 2);
        float lr = 1f;
        double[] metrics = [1.0, 0.9, 0.95, 0.95, 0.95, 0.95];
        float[] expected = [1f, 1f, 1f, 1f, 0.5f, 0.5f];
        for (int i = 0; i < metrics.Length; i++)
        {
            lr = plateau.Update(metrics[i], lr);
            Assert.Equal(expected[i], lr);
        }
        Assert.Equal(0.9, plateau.Best);
        Assert.Equal(1, plateau.BadChecks);
    }

    [Fact]
    public void A_relative_threshold_ignores_tiny_improvements_and_an_absolute_one_counts_them()
    {
        var relative = new ReduceOnPlateau(patience: 0);
        Assert.Equal(1f, relative.Update(1.0, 1f));
        Assert.Equal(0.1f, relative.Update(0.99995, 1f), 6);

        var absolute = new ReduceOnPlateau(patience: 0, threshold: 1e-5f, thresholdMode: ThresholdMode.Absolute);
        Assert.Equal(1f, absolute.Update(1.0, 1f));
        Assert.Equal(1f, absolute.Update(0.99995, 1f));
    }

    [Fact]
    public void Cooldown_holds_the_count_and_the_minimum_rate_is_a_floor()
    {
        var plateau = new ReduceOnPlateau(MonitorMode.Max, factor: 0.1f, patience: 0, cooldown: 2, minLearningRate: 0.05f);
        float lr = 1f;
        lr = plateau.Update(0.5, lr); // best 0.5
        lr = plateau.Update(0.4, lr); // bad 1 > 0 → 0.1, cooldown 2
        Assert.Equal(0.1f, lr, 6);
        lr = plateau.Update(0.4, lr); // cooldown 1
        lr = plateau.Update(0.4, lr); // cooldown 0
        Assert.Equal(0.1f, lr, 6);
        lr = plateau.Update(0.4, lr); // bad 1 → max(0.01, 0.05)
        Assert.Equal(0.05f, lr, 6);
    }

    [Fact]
    public void A_nan_metric_counts_as_no_improvement()
    {
        var plateau = new ReduceOnPlateau(patience: 0);
        plateau.Update(1.0, 1f);
        Assert.Equal(0.1f, plateau.Update(double.NaN, 1f), 6);
    }
}
