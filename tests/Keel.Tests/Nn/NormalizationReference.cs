namespace Keel.Tests.Nn;

/// <summary>Batch and layer normalization written out in double from their published formulas.</summary>
internal static class NormalizationReference
{
    /// <summary>Per-channel mean and biased variance of x viewed as [rows, channels].</summary>
    public static (double[] Mean, double[] Variance) Moments(double[] x, int channels)
    {
        int rows = x.Length / channels;
        var mean = new double[channels];
        var variance = new double[channels];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < channels; c++) mean[c] += x[r * channels + c] / rows;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < channels; c++) variance[c] += Math.Pow(x[r * channels + c] - mean[c], 2) / rows;
        return (mean, variance);
    }

    /// <summary><c>γ·(x − μ)/√(σ² + ε) + β</c> per channel (γ, β null mean 1 and 0).</summary>
    public static double[] Normalize(double[] x, double[] mean, double[] variance, double[]? gamma, double[]? beta, double eps)
    {
        int channels = mean.Length;
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int c = i % channels;
            y[i] = (x[i] - mean[c]) / Math.Sqrt(variance[c] + eps) * (gamma?[c] ?? 1) + (beta?[c] ?? 0);
        }
        return y;
    }

    /// <summary>Batch norm with batch statistics.</summary>
    public static double[] BatchNorm(double[] x, int channels, double[]? gamma, double[]? beta, double eps = 1e-5)
    {
        var (mean, variance) = Moments(x, channels);
        return Normalize(x, mean, variance, gamma, beta, eps);
    }

    /// <summary>Layer norm over rows of <paramref name="features"/> values.</summary>
    public static double[] LayerNorm(double[] x, int features, double[]? gamma, double[]? beta, double eps = 1e-5)
    {
        var y = new double[x.Length];
        for (int r = 0; r < x.Length / features; r++)
        {
            var row = x.Skip(r * features).Take(features).ToArray();
            double mean = row.Average(), variance = row.Select(v => (v - mean) * (v - mean)).Average();
            for (int j = 0; j < features; j++)
                y[r * features + j] = (row[j] - mean) / Math.Sqrt(variance + eps) * (gamma?[j] ?? 1) + (beta?[j] ?? 0);
        }
        return y;
    }
}
