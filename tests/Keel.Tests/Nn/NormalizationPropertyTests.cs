using FsCheck;
using FsCheck.Fluent;
using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

public sealed class NormalizationPropertyTests
{
    /// <summary>A batch shape [rows, channels] with 2–12 rows and 1–6 channels, and a seed for its values.</summary>
    private static Arbitrary<(int Rows, int Channels, int Seed, float Scale)> Batches =>
        (from rows in Gen.Choose(2, 12)
         from channels in Gen.Choose(1, 6)
         from seed in Gen.Choose(0, 10_000)
         from scale in Gen.Elements(1e-2f, 1f, 1e3f)
         select (rows, channels, seed, scale)).ToArbitrary();

    [Fact]
    public void Batch_norm_in_training_standardizes_every_channel_and_stays_finite()
        => Prop.ForAll(Batches, b =>
        {
            var x = Tensor.Normal([b.Rows, b.Channels], new Generator((ulong)b.Seed), mean: 3f * b.Scale, std: b.Scale);
            var input = x.ToArray();
            var y = new BatchNorm1d(b.Channels, affine: false).Forward(x).ToArray();
            return Enumerable.Range(0, b.Channels).All(c =>
            {
                double inputVariance = Variance(Enumerable.Range(0, b.Rows).Select(r => (double)input[r * b.Channels + c]).ToArray());
                var column = Enumerable.Range(0, b.Rows).Select(r => (double)y[r * b.Channels + c]).ToArray();
                // The output's biased variance is σ²/(σ² + ε), near 1 unless σ² is comparable to ε = 1e-5.
                double expected = inputVariance / (inputVariance + 1e-5);
                return column.All(double.IsFinite) && Math.Abs(column.Average()) < 1e-3 && Math.Abs(Variance(column) - expected) < 1e-3;
            });
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Dropout_output_is_zero_or_the_input_scaled_by_one_over_keep()
        => Prop.ForAll(Batches, b =>
        {
            float p = (b.Seed % 9 + 1) / 10f;
            var x = Tensor.Normal([b.Rows, b.Channels], new Generator((ulong)b.Seed), std: b.Scale);
            var y = x.Dropout(p, training: true, new Generator((ulong)b.Seed + 1)).ToArray();
            return y.Zip(x.ToArray()).All(t => t.First == 0f || Math.Abs(t.First - t.Second / (1f - p)) <= 1e-6f * Math.Abs(t.First));
        }).QuickCheckThrowOnFailure();

    private static double Variance(double[] values)
    {
        double mean = values.Average();
        return values.Average(v => (v - mean) * (v - mean));
    }
}
