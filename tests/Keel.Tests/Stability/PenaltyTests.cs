using Keel.Stability;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Stability;

/// <summary>Penalty values and gradients against their formulas (gradients by central differences in double).</summary>
public sealed class PenaltyTests
{
    [Fact]
    public void L2_is_half_lambda_times_the_squared_norm_and_its_gradient_is_lambda_w()
    {
        var w = new Parameter(Tensor.FromArray([1f, -2f, 3f]));
        var loss = Penalties.L2(0.1f).For([w]).Loss();
        Assert.Equal(0.05f * 14f, loss.Item(), 6);
        loss.Backward();
        Assert.Equal([0.1f, -0.2f, 0.3f], w.Grad!.ToArray());
    }

    [Fact]
    public void L1_is_lambda_times_the_sum_of_magnitudes_and_its_gradient_is_lambda_sign_w()
    {
        var w = new Parameter(Tensor.FromArray([1f, -2f, 0f]));
        var loss = Penalties.L1(0.5f).For([w]).Loss();
        Assert.Equal(1.5f, loss.Item(), 6);
        loss.Backward();
        Assert.Equal([0.5f, -0.5f, 0f], w.Grad!.ToArray());
    }

    [Fact]
    public void L2_passes_the_gradient_check() => GradCheck.Check(
        t => Penalties.L2(0.3f).For([(Parameter)t[0]]).Loss(),
        v => [0.15 * v[0].Sum(x => x * x)],
        [new Parameter(GradCheck.Random([3, 4], 5))]);

    [Fact]
    public void L1L2_passes_the_gradient_check_away_from_zero() => GradCheck.Check(
        t => Penalties.L1L2(0.2f, 0.3f).For([(Parameter)t[0]]).Loss(),
        v => [v[0].Sum(x => 0.2 * Math.Abs(x) + 0.15 * x * x)],
        [new Parameter(Tensor.FromArray([0.5f, -1.5f, 2f, -0.25f], [2, 2]))]);

    [Fact]
    public void A_penalty_over_several_parameters_sums_them_and_total_sums_the_bindings()
    {
        var a = new Parameter(Tensor.FromArray([2f]));
        var b = new Parameter(Tensor.FromArray([-1f, 1f]));
        Assert.Equal(0.5f * (4f + 2f), Penalties.L2(1f).For([a, b]).Loss().Item(), 6);
        var total = Penalties.Total([Penalties.L2(1f).For([a]), Penalties.L1(1f).For([b])]);
        Assert.Equal(2f + 2f, total.Item(), 6);
        Assert.Equal(0f, Penalties.Total([]).Item());
    }

    [Fact]
    public void The_penalty_stays_apart_from_the_data_loss_while_both_gradients_add()
    {
        var w = new Parameter(Tensor.FromArray([1f, 2f]));
        var dataLoss = (w * 3f).Sum();
        var penalty = Penalties.L2(0.5f).For([w]).Loss();
        Assert.Equal(9f, dataLoss.Item());
        Assert.Equal(1.25f, penalty.Item());
        (dataLoss + penalty).Backward();
        Assert.Equal([3.5f, 4f], w.Grad!.ToArray());
    }

    [Fact]
    public void A_negative_strength_is_rejected_with_its_value()
        => Assert.Contains("-0.1", Assert.Throws<ArgumentOutOfRangeException>(() => Penalties.L2(-0.1f)).Message);
}
