using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Samplers;

/// <summary>The univariate Parzen estimator of TPE: a weighted mixture of one kernel per observation plus a prior.</summary>
/// <remarks>
/// As Optuna 4.x's <c>_ParzenEstimator</c> (univariate, prior always on, magic clip on, endpoints off).
/// Numeric parameters, in the transformed space (<see cref="NumericRange"/>): kernel <c>i</c> is a
/// normal truncated to the bounds, centred on observation <c>μᵢ</c>, with
/// <c>σᵢ = max(μᵢ − μᵢ₋₁, μᵢ₊₁ − μᵢ)</c> over the sorted centres including the prior's and the
/// bounds (the outermost centres take their inner gap only), clipped to
/// <c>[(high − low) / min(100, n + 2), high − low]</c>. The prior kernel is centred on the middle
/// with <c>σ = high − low</c>. Stepped and integer ranges use the mass of each grid point's cell.
/// Categorical parameters: kernel <c>i</c> puts <c>(1 + w/(n+1))</c> on observed choice and
/// <c>w/(n+1)</c> on the others (normalized), <c>w</c> the prior weight. Mixture weights are the
/// observation weights (oldest first) and the prior weight, normalized.
/// </remarks>
internal sealed class ParzenEstimator
{
    private readonly double[] _weights;
    private readonly double[] _mus = [];
    private readonly double[] _sigmas = [];
    private readonly double[] _logNormalizers = [];
    private readonly double[][] _categories = [];
    private readonly NumericRange _range;
    private readonly bool _categorical;

    public ParzenEstimator(ParameterDistribution distribution, IReadOnlyList<double> observations,
        IReadOnlyList<double> observationWeights, double priorWeight)
    {
        int n = observations.Count;
        _weights = n == 0 ? [1.0] : [.. observationWeights.Take(n), priorWeight];
        double total = _weights.Sum();
        for (int i = 0; i < _weights.Length; i++) _weights[i] /= total;

        if (distribution is CategoricalDistribution c)
        {
            _categorical = true;
            int choices = c.Choices.Count;
            _categories = n == 0 ? [Enumerable.Repeat(1.0 / choices, choices).ToArray()] : new double[n + 1][];
            for (int k = 0; n > 0 && k <= n; k++)
            {
                var row = Enumerable.Repeat(priorWeight / (n + 1), choices).ToArray();
                if (k < n) row[(int)observations[k]] += 1;
                double sum = row.Sum();
                _categories[k] = [.. row.Select(v => sum == 0 ? v : v / sum)];
            }
            return;
        }
        _range = NumericRange.Of(distribution);
        double low = _range.TransformedLow, high = _range.TransformedHigh;
        double[] mus = [.. observations.Select(_range.Transform)];
        double[] sigmas = Bandwidths(mus, low, high);
        _mus = [.. mus, 0.5 * (low + high)];
        _sigmas = [.. sigmas, high - low];
        _logNormalizers = [.. _mus.Select((mu, k) => TruncatedNormal.LogMass((low - mu) / _sigmas[k], (high - mu) / _sigmas[k]))];
    }

    /// <summary>One draw, as an internal value.</summary>
    public double Sample(Random random)
    {
        int k = Pick(random, _weights);
        if (_categorical) return Pick(random, _categories[k]);
        double low = _range.TransformedLow, high = _range.TransformedHigh;
        return _range.Untransform(TruncatedNormal.Sample(random, _mus[k], _sigmas[k], low, high));
    }

    /// <summary>The mixture's log-density (log-mass for stepped and categorical values) at an internal value.</summary>
    public double LogPdf(double x)
    {
        var terms = new double[_weights.Length];
        double low = _range.TransformedLow, high = _range.TransformedHigh;
        for (int k = 0; k < terms.Length; k++)
        {
            double log;
            if (_categorical) log = Math.Log(_categories[k][(int)x]);
            else if (_range.Step is { } s)
            {
                double lo = _range.Transform(x - s / 2), hi = _range.Transform(x + s / 2);
                log = TruncatedNormal.LogMass((lo - _mus[k]) / _sigmas[k], (hi - _mus[k]) / _sigmas[k]) - _logNormalizers[k];
            }
            else log = TruncatedNormal.LogDensity(_range.Transform(x), _mus[k], _sigmas[k]) - _logNormalizers[k];
            terms[k] = Math.Log(_weights[k]) + log;
        }
        double max = terms.Max();
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    private static double[] Bandwidths(double[] mus, double low, double high)
    {
        double[] withPrior = [.. mus, 0.5 * (low + high)];
        int[] order = [.. Enumerable.Range(0, withPrior.Length).OrderBy(i => withPrior[i])];
        double[] points = [low, .. order.Select(i => withPrior[i]), high];
        var sorted = new double[withPrior.Length];
        for (int i = 0; i < sorted.Length; i++)
            sorted[i] = Math.Max(points[i + 1] - points[i], points[i + 2] - points[i + 1]);
        if (points.Length >= 4)
        {
            sorted[0] = points[2] - points[1];
            sorted[^1] = points[^2] - points[^3];
        }
        double minSigma = (high - low) / Math.Min(100.0, 1.0 + (mus.Length + 1)), maxSigma = high - low;
        var sigmas = new double[mus.Length];
        for (int i = 0; i < order.Length; i++)
            if (order[i] < mus.Length) sigmas[order[i]] = Math.Clamp(sorted[i], minSigma, maxSigma);
        return sigmas;
    }

    private static int Pick(Random random, double[] probabilities)
    {
        double u = random.NextDouble(), cumulative = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative) return i;
        }
        return probabilities.Length - 1;
    }
}
