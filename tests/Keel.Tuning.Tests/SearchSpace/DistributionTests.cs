using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Tests.SearchSpace;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(1.0, 0.0, false, null, "low 1 must be ≤ high 0")]
    [InlineData(0.0, 1.0, true, null, "needs low > 0, got low 0")]
    [InlineData(0.1, 1.0, true, 0.1, "cannot have both log: true and step 0.1")]
    [InlineData(0.0, 1.0, false, -0.5, "Invalid float step -0.5")]
    public void Float_ranges_are_validated_with_the_values_named(double low, double high, bool log, double? step, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => new FloatDistribution(low, high, log, step)).Message);

    [Theory]
    [InlineData(5, 1, false, 1, "low 5 must be ≤ high 1")]
    [InlineData(0, 10, true, 1, "needs low ≥ 1, got low 0")]
    [InlineData(1, 10, true, 2, "needs step 1, got step 2")]
    [InlineData(1, 10, false, 0, "Invalid int step 0")]
    public void Int_ranges_are_validated_with_the_values_named(long low, long high, bool log, long step, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => new IntDistribution(low, high, log, step)).Message);

    [Fact]
    public void High_is_lowered_to_the_last_grid_point_as_optuna_does()
    {
        Assert.Equal(0.9, new FloatDistribution(0, 1, step: 0.3).High, 12);
        Assert.Equal(1.0, new FloatDistribution(0, 1, step: 0.25).High);
        Assert.Equal(9, new IntDistribution(0, 10, step: 3).High);
    }

    [Fact]
    public void Contains_accepts_grid_points_only()
    {
        var f = new FloatDistribution(0, 1, step: 0.25);
        Assert.True(f.Contains(0.75));
        Assert.False(f.Contains(0.7));
        Assert.False(f.Contains(1.25));
        var i = new IntDistribution(2, 20, step: 3);
        Assert.True(i.Contains(14));
        Assert.False(i.Contains(15));
        Assert.False(i.Contains(2.5));
        var c = new CategoricalDistribution(["a", "b"]);
        Assert.True(c.Contains(1));
        Assert.False(c.Contains(2));
    }

    [Fact]
    public void Json_round_trips_every_kind()
    {
        ParameterDistribution[] all =
        [
            new FloatDistribution(1e-5, 0.3, log: true), new FloatDistribution(-1, 1, step: 0.125),
            new IntDistribution(1, 1024, log: true), new IntDistribution(0, 100, step: 5),
            new CategoricalDistribution(["tanh", "relu", "a,\"b\""]),
        ];
        foreach (var d in all) Assert.Equal(d, ParameterDistribution.FromJson(d.ToJson()));
        Assert.Throws<FormatException>(() => ParameterDistribution.FromJson("{\"type\":\"normal\"}"));
    }

    [Fact]
    public void Categorical_choices_must_be_distinct_and_present()
    {
        Assert.Contains("distinct", Assert.Throws<ArgumentException>(() => new CategoricalDistribution(["a", "a"])).Message);
        Assert.Throws<ArgumentException>(() => new CategoricalDistribution([]));
        Assert.Equal(new CategoricalDistribution(["x", "y"]), new CategoricalDistribution(["x", "y"]));
        Assert.NotEqual(new CategoricalDistribution(["x", "y"]), new CategoricalDistribution(["y", "x"]));
    }
}
