using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.SearchSpace;
using MathNet.Numerics.Distributions;

namespace Keel.Tuning.Tests.Samplers;

public sealed class TpeSamplerTests
{
    [Fact]
    public void Gamma_is_optunas_default_gamma()
    {
        // min(ceil(0.1 n), 25)
        Assert.Equal([1, 1, 2, 5, 25, 25], new[] { 1, 10, 11, 50, 250, 1000 }.Select(TpeSampler.DefaultGamma));
    }

    [Fact]
    public void Weights_are_optunas_default_weights()
    {
        Assert.Equal(Enumerable.Repeat(1.0, 24), TpeSampler.DefaultWeights(24));
        Assert.Equal(Enumerable.Repeat(1.0, 25), TpeSampler.DefaultWeights(25));
        Assert.Equal([1.0 / 26, .. Enumerable.Repeat(1.0, 25)], TpeSampler.DefaultWeights(26));
        // numpy.linspace(1/30, 1, 5) = [0.0333, 0.275, 0.5167, 0.7583, 1]
        var w = TpeSampler.DefaultWeights(30);
        Assert.Equal([1.0 / 30, 0.275, 0.51666666666666667, 0.75833333333333333, 1.0], w.Take(5), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.All(w.Skip(5), v => Assert.Equal(1.0, v));
    }

    [Fact]
    public void Parzen_density_matches_the_bandwidths_optuna_computes()
    {
        // Observations 0.2 and 0.5 on [0, 1], prior at 0.5 with σ = 1. Sorted centres with the
        // bounds: 0, 0.2, 0.5, 0.5, 1; σ = max of the neighbour gaps, the outermost take their inner
        // gap (endpoints off): 0.3 and 0.3, clipped to [1/min(100, 1 + 3), 1]. Weights 1, 1, 1 (prior).
        var estimator = new ParzenEstimator(new FloatDistribution(0, 1), [0.2, 0.5], [1, 1], priorWeight: 1);
        static double Truncated(double x, double mu, double sigma) =>
            Normal.PDF(mu, sigma, x) / (Normal.CDF(mu, sigma, 1) - Normal.CDF(mu, sigma, 0));
        foreach (double x in new[] { 0.0, 0.4, 0.93 })
        {
            double expected = (Truncated(x, 0.2, 0.3) + Truncated(x, 0.5, 0.3) + Truncated(x, 0.5, 1)) / 3;
            Assert.Equal(Math.Log(expected), estimator.LogPdf(x), 10);
        }
    }

    [Fact]
    public void Parzen_mass_of_integers_sums_to_one_and_draws_stay_in_range()
    {
        var d = new IntDistribution(1, 64, log: true);
        var estimator = new ParzenEstimator(d, [2, 3, 40], [1, 1, 1], priorWeight: 1);
        Assert.Equal(1.0, Enumerable.Range(1, 64).Sum(k => Math.Exp(estimator.LogPdf(k))), 9);
        var random = new Random(3);
        Assert.All(Enumerable.Range(0, 500).Select(_ => estimator.Sample(random)), v => Assert.True(d.Contains(v)));
    }

    [Fact]
    public void Categorical_kernels_put_one_plus_the_prior_share_on_the_observed_choice()
    {
        // Two observations of choice 1 among 3: each kernel row is (w/3 + [k = 1]) normalized,
        // the prior row uniform; mixture weights 1/3 each.
        var estimator = new ParzenEstimator(new CategoricalDistribution(["a", "b", "c"]), [1, 1], [1, 1], priorWeight: 1);
        double observedRow = (1.0 / 3 + 1) / 2, otherRow = (1.0 / 3) / 2;
        Assert.Equal(Math.Log((2 * observedRow + 1.0 / 3) / 3), estimator.LogPdf(1), 12);
        Assert.Equal(Math.Log((2 * otherRow + 1.0 / 3) / 3), estimator.LogPdf(0), 12);
    }

    [Fact]
    public void Running_trials_count_as_bad_under_the_constant_liar()
    {
        static FrozenTrial T(int n, TrialState s, double? v) => FakeTrials.Make(n, s, v);
        var trials = new[] { T(0, TrialState.Complete, 3), T(1, TrialState.Running, null), T(2, TrialState.Complete, 1), T(3, TrialState.Complete, 2) };
        var (below, above) = TpeSplit.Split(trials, belowCount: 1, StudyDirection.Minimize);
        Assert.Equal([2], below.Select(t => t.Number));
        Assert.Equal([0, 1, 3], above.Select(t => t.Number));
        (below, _) = TpeSplit.Split(trials, belowCount: 1, StudyDirection.Maximize);
        Assert.Equal([0], below.Select(t => t.Number));
    }

    [Fact]
    public void Tpe_learns_which_category_and_integer_are_best()
    {
        var study = Study.Create("cat", options: new StudyOptions { Sampler = new TpeSampler(), Pruner = new NopPruner(), Seed = 5 });
        study.Optimize(t => (t.SuggestCategorical("opt", ["sgd", "adam", "rmsprop"]) == "adam" ? 0 : 1) + Math.Abs(t.SuggestInt("layers", 1, 8) - 3) * 0.1, trials: 40);
        var late = study.Trials.Skip(20).ToList();
        Assert.True(late.Count(t => (string)t.ExternalParams["opt"] == "adam") >= 14, "TPE should mostly pick the best category after start-up");
        Assert.Equal(3L, study.BestParams["layers"]);
    }
}

public sealed class ConstantLiarTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>The spread of proposals made while earlier proposals are still running, after 20
    /// finished trials of (x − 1)² spread over [−10, 10]; averaged over seeds.</summary>
    private static double PendingSpread(bool constantLiar)
    {
        double total = 0;
        for (int seed = 0; seed < 8; seed++)
        {
            var study = Study.Create("liar", options: new StudyOptions { Sampler = new TpeSampler(constantLiar: constantLiar), Pruner = new NopPruner(), Seed = seed });
            for (int i = 0; i < 20; i++) study.EnqueueTrial(new Dictionary<string, object> { ["x"] = -10 + i });
            study.Optimize(t => Math.Pow(t.SuggestFloat("x", -10, 10) - 1, 2), trials: 20);
            var pending = Enumerable.Range(0, 6).Select(_ => study.Ask().SuggestFloat("x", -10, 10)).ToList();
            double mean = pending.Average();
            total += Math.Sqrt(pending.Average(x => (x - mean) * (x - mean)));
        }
        return total / 8;
    }

    [Fact]
    public void Pending_trials_push_new_proposals_apart()
    {
        double with = PendingSpread(constantLiar: true), without = PendingSpread(constantLiar: false);
        output.WriteLine($"spread of 6 pending proposals: {with:F3} with the constant liar, {without:F3} without");
        Assert.True(with > without, $"spread with the constant liar {with} should exceed {without} without");
    }
}
