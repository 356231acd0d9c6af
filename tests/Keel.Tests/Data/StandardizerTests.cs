using Keel.Data;
using Keel.Tensors;

namespace Keel.Tests.Data;

public sealed class StandardizerTests
{
    private static Dataset Rows(float[,] features) => new(Tensor.FromArray(features), Tensor.Zeros([features.GetLength(0)]));

    [Fact]
    public void Fit_uses_the_population_standard_deviation_and_centres_constant_features()
    {
        // Feature 0: 1, 2, 3, 4 → μ 2.5, σ = √1.25 (numpy std, ddof 0). Feature 1 constant 7 → σ 1.
        var s = Standardizer.Fit(Rows(new float[,] { { 1, 7 }, { 2, 7 }, { 3, 7 }, { 4, 7 } }));
        Assert.Equal([2.5f, 7f], s.Mean);
        Assert.Equal(MathF.Sqrt(1.25f), s.Std[0], 6);
        Assert.Equal(1f, s.Std[1]);
        var t = s.Transform(Rows(new float[,] { { 2.5f, 9 } }));
        Assert.Equal([0f, 2f], t.Features.ToArray());
    }

    [Fact]
    public void Statistics_come_from_the_training_split_only()
    {
        var generator = new Generator(11);
        var features = Tensor.Normal([200, 3], generator, mean: 5f, std: 2f);
        var data = new Dataset(features, Tensor.Zeros([200]));
        var split = data.Split(0.5, 0.25, 0.25, seed: 1);
        var s = Standardizer.Fit(split.Train);
        var scaled = s.Transform(split);

        for (int j = 0; j < 3; j++)
        {
            var column = Column(scaled.Train, j);
            Assert.Equal(0.0, column.Average(), 5);
            Assert.Equal(1.0, Math.Sqrt(column.Average(v => v * v)), 4);
        }
        // Validation is scaled with the training statistics, not its own.
        float raw = split.Validation.Features.Data[4], expected = (raw - s.Mean[1]) / s.Std[1];
        Assert.Equal(expected, scaled.Validation.Features.Data[4]);
        Assert.NotEqual(0.0, Column(scaled.Validation, 1).Average(), 3);
        Assert.Same(split.Test.Targets, scaled.Test.Targets);
    }

    [Fact]
    public void Save_and_load_round_trip_exactly()
    {
        string path = Path.Combine(Path.GetTempPath(), $"keel-standardizer-{Guid.NewGuid():N}.json");
        try
        {
            var s = new Standardizer([0.1f, -3.25e-7f], [1f / 3f, 42f]);
            s.Save(path);
            Assert.Contains("\"mean\"", File.ReadAllText(path));
            var loaded = Standardizer.Load(path);
            Assert.Equal(s.Mean, loaded.Mean);
            Assert.Equal(s.Std, loaded.Std);
            File.WriteAllText(path, "{\"mean\": [1]}");
            Assert.Contains(path, Assert.Throws<InvalidDataException>(() => Standardizer.Load(path)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Transform_checks_the_number_of_features_and_the_constructor_checks_sigma()
    {
        var s = new Standardizer([0f, 0f], [1f, 1f]);
        Assert.Contains("fitted on 2", Assert.Throws<ArgumentException>(() => s.Transform(Rows(new float[,] { { 1, 2, 3 } }))).Message);
        Assert.Throws<ArgumentException>(() => new Standardizer([0f], [0f]));
        Assert.Throws<ArgumentException>(() => Standardizer.Fit(Rows(new float[0, 2])));
    }

    private static double[] Column(Dataset d, int j)
    {
        int width = d.ExampleShape.Size;
        return Enumerable.Range(0, d.Count).Select(i => (double)d.Features.Data[i * width + j]).ToArray();
    }
}
