using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Samplers;

/// <summary>Tree-structured Parzen Estimator (Bergstra et al., 2011) with Optuna 4.x's defaults.</summary>
/// <remarks>
/// Follows Optuna 4.x's <c>TPESampler</c> (univariate; the defaults have been the same since 3.0):
/// the first <c>nStartupTrials = 10</c> finished trials are sampled at random. After that the
/// <c>n</c> complete and pruned trials are split: the best <c>γ(n) = min(⌈0.1·n⌉, 25)</c> complete
/// trials are "below" (then pruned trials ranked by their furthest step and value there), the rest
/// "above". A <see cref="ParzenEstimator"/> <c>l(x)</c> is fitted to the below observations, <c>g(x)</c>
/// to the above, each weighted by <see cref="DefaultWeights"/> in trial order with prior weight 1.0;
/// <c>nEiCandidates = 24</c> draws from <c>l</c> are scored by <c>log l(x) − log g(x)</c> (which
/// orders them as expected improvement does) and the best is returned.
/// With <c>constantLiar</c> (Optuna: off by default; here on) running trials join the "above"
/// group, so workers that sample at the same time steer away from each other's pending points.
/// Differences from Optuna: no multivariate or grouped mode, no constraints, no restriction of the
/// history to the trial's Hyperband bracket, and the random numbers are .NET's, so values match
/// Optuna's in distribution, not digit for digit.
/// </remarks>
public sealed class TpeSampler : ISampler
{
    private readonly int _startupTrials;
    private readonly int _candidates;
    private readonly double _priorWeight;
    private readonly bool _constantLiar;

    /// <summary>Creates a TPE sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the prior weight is not positive.</exception>
    public TpeSampler(int nStartupTrials = 10, int nEiCandidates = 24, double priorWeight = 1.0, bool constantLiar = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nStartupTrials);
        ArgumentOutOfRangeException.ThrowIfLessThan(nEiCandidates, 1);
        if (!(priorWeight > 0)) throw new ArgumentOutOfRangeException(nameof(priorWeight), priorWeight, "The prior weight must be positive.");
        _startupTrials = nStartupTrials;
        _candidates = nEiCandidates;
        _priorWeight = priorWeight;
        _constantLiar = constantLiar;
    }

    /// <summary>Optuna's <c>default_gamma</c>: <c>min(⌈0.1·n⌉, 25)</c> trials form the "below" group.</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>Optuna's <c>default_weights</c>: ones below 25 observations, else a linear ramp from
    /// <c>1/n</c> to 1 over the oldest <c>n − 25</c> followed by 25 ones.</summary>
    public static double[] DefaultWeights(int n)
    {
        if (n < 25) return Enumerable.Repeat(1.0, n).ToArray();
        int ramp = n - 25;
        var weights = new double[n];
        for (int i = 0; i < n; i++)
            weights[i] = i >= ramp ? 1.0 : ramp == 1 ? 1.0 / n : 1.0 / n + i * (1.0 - 1.0 / n) / (ramp - 1);
        return weights;
    }

    /// <inheritdoc/>
    public void BeforeTrial(SamplerContext context)
    {
    }

    /// <inheritdoc/>
    public double Sample(SamplerContext context, string name, ParameterDistribution distribution)
    {
        var trials = context.Trials.Where(t => t.Number != context.Trial.Number
            && (t.State is TrialState.Complete or TrialState.Pruned || (_constantLiar && t.State == TrialState.Running))).ToList();
        int n = trials.Count(t => t.State != TrialState.Running);
        if (n < _startupTrials) return RandomSampler.Draw(context.Random, distribution);

        var (below, above) = TpeSplit.Split(trials, DefaultGamma(n), context.Direction);
        var lower = Estimator(below, name, distribution);
        var upper = Estimator(above, name, distribution);
        double best = double.NaN, bestScore = double.NegativeInfinity;
        for (int i = 0; i < _candidates; i++)
        {
            double x = lower.Sample(context.Random);
            double score = lower.LogPdf(x) - upper.LogPdf(x);
            if (double.IsNaN(best) || score > bestScore) (best, bestScore) = (x, score);
        }
        return best;
    }

    /// <inheritdoc/>
    public void AfterTrial(SamplerContext context, FrozenTrial finished)
    {
    }

    private ParzenEstimator Estimator(IEnumerable<FrozenTrial> group, string name, ParameterDistribution distribution)
    {
        var observations = group
            .Where(t => t.Params.TryGetValue(name, out double v) && distribution.Contains(v))
            .Select(t => t.Params[name]).ToList();
        return new ParzenEstimator(distribution, observations, DefaultWeights(observations.Count), _priorWeight);
    }
}
