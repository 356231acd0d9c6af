using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Xunit.Abstractions;

namespace Keel.Tuning.Tests.Samplers;

/// <summary>TPE against random search on seeded synthetic objectives: 50 trials, 10 seeds each.</summary>
public sealed class TpeVersusRandomTests(ITestOutputHelper output)
{
    private const int Trials = 50, Seeds = 10;

    /// <summary>Σ (xᵢ − cᵢ)² over three coordinates in [−5, 5], plus N(0, 0.1²) noise from the trial's seed.</summary>
    private static double NoisyQuadratic(Trial t)
    {
        double[] centre = [1.5, -2.0, 0.5];
        double sum = 0;
        for (int i = 0; i < centre.Length; i++)
        {
            double x = t.SuggestFloat($"x{i}", -5, 5);
            sum += (x - centre[i]) * (x - centre[i]);
        }
        var random = new Random(t.Seed);
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return sum + 0.1 * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Branin-Hoo on x₁ ∈ [−5, 10], x₂ ∈ [0, 15]; global minimum 0.397887.</summary>
    private static double Branin(Trial t)
    {
        double x1 = t.SuggestFloat("x1", -5, 10), x2 = t.SuggestFloat("x2", 0, 15);
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, s = 10, r = 6, tt = 1 / (8 * Math.PI);
        return Math.Pow(x2 - b * x1 * x1 + c * x1 - r, 2) + s * (1 - tt) * Math.Cos(x1) + s;
    }

    private static double MeanBest(Func<ISampler> sampler, Func<Trial, double> objective) =>
        Enumerable.Range(0, Seeds).Average(seed =>
        {
            var study = Study.Create("synthetic", options: new StudyOptions { Sampler = sampler(), Pruner = new NopPruner(), Seed = seed });
            study.Optimize(objective, trials: Trials);
            return study.BestValue;
        });

    [Fact]
    public void Tpe_beats_random_search_on_a_noisy_quadratic()
    {
        double tpe = MeanBest(() => new TpeSampler(), NoisyQuadratic), random = MeanBest(() => new RandomSampler(), NoisyQuadratic);
        output.WriteLine($"noisy quadratic, mean best of {Trials} trials over {Seeds} seeds: TPE {tpe:F4}, random {random:F4}");
        Assert.True(tpe < random, $"TPE {tpe} should beat random {random}");
    }

    [Fact]
    public void Tpe_beats_random_search_on_branin()
    {
        double tpe = MeanBest(() => new TpeSampler(), Branin), random = MeanBest(() => new RandomSampler(), Branin);
        output.WriteLine($"Branin, mean best of {Trials} trials over {Seeds} seeds: TPE {tpe:F4}, random {random:F4} (optimum 0.3979)");
        Assert.True(tpe < random, $"TPE {tpe} should beat random {random}");
    }
}
