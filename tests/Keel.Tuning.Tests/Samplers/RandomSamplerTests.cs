using Keel.Tuning.Samplers;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Tests.Samplers;

public sealed class RandomSamplerTests
{
    private static double[] Draws(ParameterDistribution d, int n = 4000, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => RandomSampler.Draw(random, d))];
    }

    [Fact]
    public void Stepped_floats_stay_on_the_grid_and_reach_both_ends()
    {
        var d = new FloatDistribution(-1, 1, step: 0.5);
        var values = Draws(d);
        Assert.All(values, v => Assert.True(d.Contains(v), $"{v} is off the grid"));
        Assert.Equal([-1, -0.5, 0, 0.5, 1], values.Distinct().Order());
    }

    [Fact]
    public void Integers_are_equally_likely_including_the_endpoints()
    {
        var counts = Draws(new IntDistribution(1, 4)).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1.0, 2, 3, 4], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, 850, 1150));
    }

    [Fact]
    public void Log_scale_puts_half_the_mass_below_the_geometric_mean()
    {
        var values = Draws(new FloatDistribution(1e-4, 1, log: true));
        Assert.All(values, v => Assert.InRange(v, 1e-4, 1));
        Assert.InRange(values.Count(v => v < 1e-2) / (double)values.Length, 0.46, 0.54);
    }

    [Fact]
    public void Categorical_choices_are_uniform()
    {
        var counts = Draws(new CategoricalDistribution(["a", "b", "c"])).GroupBy(v => v).Select(g => g.Count()).ToList();
        Assert.Equal(3, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 1150, 1520));
    }
}
