using Keel.Tuning.SearchSpace;
using Keel.Tuning.Visualization;

namespace Keel.Tuning.Tests.Visualization;

public sealed class AxisTests
{
    [Fact]
    public void Linear_ticks_are_round_numbers_inside_the_axis()
    {
        Assert.Equal(["0", "5000", "10000", "15000", "20000"], new Axis(-100, 20500).Ticks().Select(t => t.Label));
        Assert.Equal(["2.1", "2.15", "2.2", "2.25"], new Axis(2.09, 2.26).Ticks().Select(t => t.Label));
    }

    [Fact]
    public void Log_ticks_step_1_2_5_over_few_decades_and_by_decade_over_many()
    {
        Assert.Equal([0.02, 0.05, 0.1, 0.2, 0.5], Axis.Of(new FloatDistribution(0.02, 0.5, log: true)).Ticks().Select(t => t.Value), new ToleranceComparer());
        Assert.Equal(["1E-06", "1E-05", "0.0001", "0.001"], Axis.Of(new FloatDistribution(1e-6, 1e-3, log: true)).Ticks().Select(t => t.Label));
    }

    [Fact]
    public void Fractions_map_the_ends_to_0_and_1_and_the_log_midpoint_to_one_half()
    {
        var log = new Axis(1e-4, 1, Log: true);
        Assert.Equal(0, log.Fraction(1e-4), 12);
        Assert.Equal(1, log.Fraction(1), 12);
        Assert.Equal(0.5, log.Fraction(1e-2), 12);
        var categories = Axis.Of(new CategoricalDistribution(["a", "b"]));
        Assert.Equal([0.25, 0.75], categories.Ticks().Select(t => categories.Fraction(t.Value)));
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}
