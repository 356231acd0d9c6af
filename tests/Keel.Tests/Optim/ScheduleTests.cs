using Keel.Optim;

namespace Keel.Tests.Optim;

/// <summary>
/// Schedule values at chosen steps. Keras' schedules are checked against their formulas worked by
/// hand; PyTorch's (one-cycle, step, cosine annealing) against tests/reference/schedules.py.
/// </summary>
public sealed class ScheduleTests
{
    [Fact]
    public void Constant_gives_its_value_at_every_step()
    {
        var schedule = Schedules.Constant(0.3f);
        Assert.Equal(0.3f, schedule.ValueAt(0));
        Assert.Equal(0.3f, schedule.ValueAt(1_000_000_000));
    }

    [Theory]
    [InlineData(0, false, 1f)]
    [InlineData(5, false, 0.70710677f)]
    [InlineData(10, false, 0.5f)]
    [InlineData(5, true, 1f)]
    [InlineData(19, true, 0.5f)]
    [InlineData(20, true, 0.25f)]
    public void Exponential_decay_is_continuous_or_a_staircase(long step, bool staircase, float expected)
        => Assert.Equal(expected, Schedules.ExponentialDecay(1f, decaySteps: 10, decayRate: 0.5f, staircase).ValueAt(step), 6);

    [Theory]
    [InlineData(0, 1f)]
    [InlineData(5, 0.25f)]
    [InlineData(10, 0f)]
    [InlineData(20, 0f)]
    public void Polynomial_decay_follows_the_power_and_holds_the_end_value(long step, float expected)
        => Assert.Equal(expected, Schedules.PolynomialDecay(1f, 10, endValue: 0f, power: 2f).ValueAt(step), 6);

    [Fact]
    public void Polynomial_decay_defaults_to_a_linear_decay_to_1e_4()
        => Assert.Equal(0.5f * (1f - 1e-4f) + 1e-4f, Schedules.PolynomialDecay(1f, 10).ValueAt(5), 6);

    [Theory]
    [InlineData(0, 1f)]
    [InlineData(10, 0f)]
    [InlineData(15, 0.25f)] // D becomes 20: 1 − 15/20
    [InlineData(20, 0f)]
    [InlineData(25, 0.16666667f)] // D becomes 30: 1 − 25/30
    public void Polynomial_decay_with_cycle_restarts_over_a_multiple_of_the_decay_steps(long step, float expected)
        => Assert.Equal(expected, Schedules.PolynomialDecay(1f, 10, endValue: 0f, cycle: true).ValueAt(step), 6);

    [Theory]
    [InlineData(0, 0.1f)]
    [InlineData(100_000, 0.1f)]
    [InlineData(100_001, 0.01f)]
    [InlineData(150_000, 0.01f)]
    [InlineData(150_001, 0.001f)]
    public void Piecewise_constant_keeps_the_earlier_value_at_the_boundary_as_keras_does(long step, float expected)
        => Assert.Equal(expected, Schedules.PiecewiseConstant([100_000, 150_000], [0.1f, 0.01f, 0.001f]).ValueAt(step));

    [Fact]
    public void Piecewise_constant_rejects_mismatched_counts_and_unordered_boundaries()
    {
        Assert.Contains("2 boundaries and 2 values", Assert.Throws<ArgumentException>(() => Schedules.PiecewiseConstant([1, 2], [1f, 2f])).Message);
        Assert.Contains("boundary 1 (5) follows 10", Assert.Throws<ArgumentException>(() => Schedules.PiecewiseConstant([10, 5], [1f, 2f, 3f])).Message);
    }

    [Theory]
    [InlineData(0, 0.5f)]
    [InlineData(9, 0.5f)]
    [InlineData(10, 0.25f)]
    [InlineData(25, 0.125f)]
    public void Step_decay_matches_pytorch_steplr(long step, float expected)
        => Assert.Equal(expected, Schedules.StepDecay(0.5f, stepSize: 10, gamma: 0.5f).ValueAt(step));

    [Theory]
    [InlineData(0, 1f)]
    [InlineData(25, 0.8681980515339464f)]
    [InlineData(50, 0.55f)]
    [InlineData(100, 0.1f)]
    [InlineData(200, 0.1f)]
    public void Cosine_decay_matches_pytorch_cosine_annealing_and_then_holds(long step, float expected)
        => Assert.Equal(expected, Schedules.CosineDecay(1f, decaySteps: 100, alpha: 0.1f).ValueAt(step), 6);

    [Theory]
    [InlineData(0, 0f)]
    [InlineData(5, 0.5f)]
    [InlineData(10, 1f)]
    [InlineData(60, 0.5f)]
    [InlineData(110, 0f)]
    public void Cosine_decay_with_warmup_rises_linearly_then_decays_from_the_target(long step, float expected)
        => Assert.Equal(expected, Schedules.CosineDecay(0f, decaySteps: 100, warmupTarget: 1f, warmupSteps: 10).ValueAt(step), 6);

    [Theory]
    [InlineData(0, 0f)]
    [InlineData(5, 0.05f)]
    [InlineData(10, 0.1f)]
    [InlineData(19, 0.1f)]
    [InlineData(20, 0.01f)] // the inner schedule's step 10 is its boundary 9 passed
    public void Linear_warmup_rises_to_the_inner_schedules_first_value_then_runs_it_shifted(long step, float expected)
    {
        var schedule = Schedules.LinearWarmup(Schedules.PiecewiseConstant([9], [0.1f, 0.01f]), warmupSteps: 10);
        Assert.Equal(expected, schedule.ValueAt(step), 6);
    }

    [Theory]
    [InlineData(0, 0.04f)]
    [InlineData(10, 0.29516394846410077f)]
    [InlineData(29, 1f)]
    [InlineData(30, 0.9994965352845243f)]
    [InlineData(50, 0.793893450575732f)]
    [InlineData(99, 4e-06f)]
    [InlineData(150, 4e-06f)]
    public void One_cycle_matches_pytorch(long step, float expected)
        => Assert.Equal(expected, Schedules.OneCycle(1f, totalSteps: 100).ValueAt(step), 6);

    [Theory]
    [InlineData(0, 0.04f)]
    [InlineData(15, 0.5365517241379311f)]
    [InlineData(29, 1f)]
    [InlineData(45, 0.4703448275862069f)]
    [InlineData(58, 0.04f)]
    [InlineData(80, 0.018538731707317072f)]
    [InlineData(99, 4e-06f)]
    public void One_cycle_three_phase_linear_matches_pytorch(long step, float expected)
        => Assert.Equal(expected, Schedules.OneCycle(1f, totalSteps: 100, cosine: false, threePhase: true).ValueAt(step), 6);

    [Fact]
    public void A_negative_step_is_rejected_with_its_value()
        => Assert.Contains("-1", Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Constant(1f).ValueAt(-1)).Message);
}
