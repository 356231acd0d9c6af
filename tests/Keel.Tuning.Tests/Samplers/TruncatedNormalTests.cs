using Keel.Tuning.Samplers;
using MathNet.Numerics.Distributions;

namespace Keel.Tuning.Tests.Samplers;

public sealed class TruncatedNormalTests
{
    [Theory]
    [InlineData(-1.0, 2.0)]
    [InlineData(-40.0, -39.5)]
    [InlineData(39.5, 40.0)]
    [InlineData(0.0, 0.001)]
    public void Log_mass_is_finite_far_in_the_tails_and_exact_near_the_middle(double a, double b)
    {
        double log = TruncatedNormal.LogMass(a, b);
        Assert.True(double.IsFinite(log));
        double direct = Normal.CDF(0, 1, b) - Normal.CDF(0, 1, a);
        if (direct > 1e-300) Assert.Equal(Math.Log(direct), log, 9);
        else Assert.InRange(log, -1000, -700);
    }

    [Fact]
    public void Draws_stay_in_bounds_and_have_the_truncated_mean()
    {
        // Mean of N(μ, σ²) on [a, b]: μ + σ (φ(α) − φ(β)) / (Φ(β) − Φ(α)).
        var random = new Random(11);
        double mu = 0.2, sigma = 0.5, low = 0, high = 1;
        var draws = Enumerable.Range(0, 20000).Select(_ => TruncatedNormal.Sample(random, mu, sigma, low, high)).ToList();
        Assert.All(draws, x => Assert.InRange(x, low, high));
        double alpha = (low - mu) / sigma, beta = (high - mu) / sigma;
        double mean = mu + sigma * (Normal.PDF(0, 1, alpha) - Normal.PDF(0, 1, beta)) / (Normal.CDF(0, 1, beta) - Normal.CDF(0, 1, alpha));
        Assert.Equal(mean, draws.Average(), 2);
    }
}
