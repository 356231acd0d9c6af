using Keel.Kernels.Normalization;

namespace Keel.Kernels.Tests.Normalization;

/// <summary>The normalization kernels against plain scalar loops, on spans cut from larger arrays whose tails must stay untouched.</summary>
public sealed class NormalizationKernelsTests
{
    private const float Sentinel = 12345f;

    public static TheoryData<int, int> Sizes => new() { { 2, 1 }, { 3, 7 }, { 5, 16 }, { 4, 33 }, { 17, 3 }, { 2, 257 } };

    [Theory, MemberData(nameof(Sizes))]
    public void Batch_norm_forward_and_backward_match_a_scalar_loop(int rows, int channels)
    {
        var random = new Random(rows * 1000 + channels);
        float[] x = Values(random, rows * channels), dy = Values(random, rows * channels), gamma = Values(random, channels), beta = Values(random, channels);
        float[] mean = Padded(channels), variance = Padded(channels), invStd = Padded(channels), y = Padded(rows * channels);
        BatchNormKernels.Moments(x, channels, mean.AsSpan(0, channels), variance.AsSpan(0, channels));
        BatchNormKernels.InverseStd(variance.AsSpan(0, channels), 1e-5f, invStd.AsSpan(0, channels));
        BatchNormKernels.Normalize(x, mean.AsSpan(0, channels), invStd.AsSpan(0, channels), gamma, beta, y.AsSpan(0, rows * channels));
        float[] dx = Padded(rows * channels), dGamma = Padded(channels), dBeta = Padded(channels);
        BatchNormKernels.Backward(x, dy, mean.AsSpan(0, channels), invStd.AsSpan(0, channels), gamma, true,
            dx.AsSpan(0, rows * channels), dGamma.AsSpan(0, channels), dBeta.AsSpan(0, channels));

        for (int c = 0; c < channels; c++)
        {
            double mu = 0, var = 0, sumDy = 0, sumDyXhat = 0;
            for (int r = 0; r < rows; r++) mu += x[r * channels + c];
            mu /= rows;
            for (int r = 0; r < rows; r++) var += Math.Pow(x[r * channels + c] - mu, 2);
            var /= rows;
            double inv = 1 / Math.Sqrt(var + 1e-5);
            for (int r = 0; r < rows; r++)
            {
                double xhat = (x[r * channels + c] - mu) * inv;
                sumDy += dy[r * channels + c];
                sumDyXhat += dy[r * channels + c] * xhat;
                Close(gamma[c] * xhat + beta[c], y[r * channels + c], "y");
            }
            Close(mu, mean[c], "mean");
            Close(var, variance[c], "variance");
            Close(sumDyXhat, dGamma[c], "dGamma");
            Close(sumDy, dBeta[c], "dBeta");
            for (int r = 0; r < rows; r++)
            {
                double xhat = (x[r * channels + c] - mu) * inv;
                Close(gamma[c] * inv * (dy[r * channels + c] - sumDy / rows - xhat * sumDyXhat / rows), dx[r * channels + c], "dx");
            }
        }
        foreach (var padded in new[] { mean, variance, invStd, y, dx, dGamma, dBeta }) Assert.Equal(Sentinel, padded[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Batch_norm_backward_overwriting_dx_equals_accumulating_into_zeros(bool batchStatistics)
    {
        const int rows = 5, channels = 37;
        var random = new Random(11);
        float[] x = Values(random, rows * channels), dy = Values(random, rows * channels), gamma = Values(random, channels);
        float[] mean = new float[channels], variance = new float[channels], invStd = new float[channels];
        BatchNormKernels.Moments(x, channels, mean, variance);
        BatchNormKernels.InverseStd(variance, 1e-5f, invStd);
        float[] accumulated = new float[rows * channels], overwritten = new float[rows * channels];
        Array.Fill(overwritten, float.NaN);
        BatchNormKernels.Backward(x, dy, mean, invStd, gamma, batchStatistics, accumulated, [], []);
        BatchNormKernels.Backward(x, dy, mean, invStd, gamma, batchStatistics, overwritten, [], [], accumulateDx: false);
        Assert.Equal(accumulated, overwritten);
    }

    [Theory, MemberData(nameof(Sizes))]
    public void Layer_norm_forward_and_backward_match_a_scalar_loop(int rows, int features)
    {
        var random = new Random(rows * 77 + features);
        float[] x = Values(random, rows * features), dy = Values(random, rows * features), gamma = Values(random, features), beta = Values(random, features);
        float[] y = Padded(rows * features), mean = Padded(rows), invStd = Padded(rows), dx = Padded(rows * features), dGamma = Padded(features), dBeta = Padded(features);
        LayerNormKernels.Forward(x, features, gamma, beta, 1e-5f, y.AsSpan(0, rows * features), mean.AsSpan(0, rows), invStd.AsSpan(0, rows));
        LayerNormKernels.Backward(x, dy, features, mean.AsSpan(0, rows), invStd.AsSpan(0, rows), gamma,
            dx.AsSpan(0, rows * features), dGamma.AsSpan(0, features), dBeta.AsSpan(0, features));

        var expectedDGamma = new double[features];
        var expectedDBeta = new double[features];
        for (int r = 0; r < rows; r++)
        {
            var row = x.Skip(r * features).Take(features).Select(v => (double)v).ToArray();
            double mu = row.Average(), inv = 1 / Math.Sqrt(row.Average(v => (v - mu) * (v - mu)) + 1e-5);
            var xhat = row.Select(v => (v - mu) * inv).ToArray();
            var g = Enumerable.Range(0, features).Select(j => (double)dy[r * features + j] * gamma[j]).ToArray();
            double meanG = g.Average(), meanGXhat = g.Zip(xhat, (a, b) => a * b).Average();
            for (int j = 0; j < features; j++)
            {
                Close(gamma[j] * xhat[j] + beta[j], y[r * features + j], "y");
                Close(inv * (g[j] - meanG - xhat[j] * meanGXhat), dx[r * features + j], "dx");
                expectedDGamma[j] += dy[r * features + j] * xhat[j];
                expectedDBeta[j] += dy[r * features + j];
            }
            Close(mu, mean[r], "mean");
            Close(inv, invStd[r], "invStd", rtol: 1e-3);
        }
        for (int j = 0; j < features; j++)
        {
            Close(expectedDGamma[j], dGamma[j], "dGamma");
            Close(expectedDBeta[j], dBeta[j], "dBeta");
        }
        foreach (var padded in new[] { y, mean, invStd, dx, dGamma, dBeta }) Assert.Equal(Sentinel, padded[^1]);
    }

    [Theory]
    [InlineData(9, 19)]  // two whole passes of four rows and one more; two vectors and three lanes of tail
    [InlineData(32, 200)]
    public void Column_sums_add_the_rows_in_order_bit_for_bit(int rows, int channels)
    {
        // Whole passes are unrolled and the rest loop; either way each channel must get the plain
        // float loop's additions in row order, so its bits do not depend on the row count or its position.
        var random = new Random(rows + channels);
        float[] x = Values(random, rows * channels), dy = Values(random, rows * channels);
        float[] mean = new float[channels], variance = new float[channels], invStd = new float[channels];
        BatchNormKernels.Moments(x, channels, mean, variance);
        BatchNormKernels.InverseStd(variance, 1e-5f, invStd);
        float[] dx = new float[rows * channels], dGamma = new float[channels], dBeta = new float[channels];
        BatchNormKernels.Backward(x, dy, mean, invStd, [], true, dx, dGamma, dBeta);

        for (int c = 0; c < channels; c++)
        {
            float squares = 0f, sumDy = 0f, sumDyXhat = 0f;
            for (int r = 0; r < rows; r++)
            {
                float centered = x[r * channels + c] - mean[c];
                squares = centered * centered + squares;
                float d = dy[r * channels + c];
                sumDy += d;
                sumDyXhat = d * (centered * invStd[c]) + sumDyXhat;
            }
            Assert.Equal(squares * (1f / rows), variance[c]);
            Assert.Equal(sumDy, dBeta[c]);
            Assert.Equal(sumDyXhat, dGamma[c]);
        }
    }

    [Fact]
    public void Running_statistics_update_with_momentum_and_correction()
    {
        float[] running = [1f, 2f];
        BatchNormKernels.UpdateRunning(running, [3f, 4f], momentum: 0.1f, correction: 2f);
        Assert.Equal(0.9f * 1f + 0.1f * 2f * 3f, running[0], 6);
        Assert.Equal(0.9f * 2f + 0.1f * 2f * 4f, running[1], 6);
    }

    [Fact]
    public void Rows_that_do_not_divide_into_channels_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BatchNormKernels.Moments(new float[7], 3, new float[3], new float[3]));
        Assert.Equal("BatchNorm Moments: 7 values do not form rows of 3 channels", error.Message);
        var layerError = Assert.Throws<ArgumentException>(() => LayerNormKernels.Forward(new float[7], 3, [], [], 1e-5f, new float[7], new float[2], new float[2]));
        Assert.Equal("LayerNorm: 7 values do not form rows of 3 features", layerError.Message);
    }

    private static float[] Values(Random random, int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();

    private static float[] Padded(int n)
    {
        var array = new float[n + 1];
        array[^1] = Sentinel;
        return array;
    }

    private static void Close(double expected, float actual, string what, double rtol = 1e-4)
    {
        double tolerance = 1e-4 + rtol * Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: {actual}, expected {expected}");
    }
}
