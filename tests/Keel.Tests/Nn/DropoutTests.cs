using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class DropoutTests
{
    [Fact]
    public void Kept_units_are_scaled_by_one_over_one_minus_p_and_the_drop_rate_is_near_p()
    {
        const float p = 0.3f;
        var layer = new Dropout(p, new Generator(1));
        var x = Tensor.Full([200, 500], 2f);
        var y = layer.Forward(x).ToArray();
        int dropped = y.Count(v => v == 0f);
        Assert.All(y.Where(v => v != 0f), v => Assert.Equal(2f / (1f - p), v, 5));
        // 100,000 Bernoulli(0.3) draws: standard deviation of the rate is about 0.0014.
        Assert.InRange(dropped / (double)y.Length, p - 0.01, p + 0.01);
    }

    [Fact]
    public void Eval_mode_is_the_identity()
    {
        var layer = new Dropout(0.5f, new Generator(2));
        layer.Eval();
        var x = GradCheck.Random([4, 5], 3);
        Assert.Equal(x.ToArray(), layer.Forward(x).ToArray());
    }

    [Fact]
    public void The_gradient_is_the_same_mask_as_the_forward_pass()
    {
        var x = GradCheck.Random([6, 7], 4);
        var y = x.Dropout(0.4f, training: true, new Generator(5));
        var mask = y.ToArray().Zip(x.ToArray(), (a, b) => (double)(a / b)).ToArray();
        y.Backward(Tensor.Ones(y.Shape));
        GradCheck.AssertClose("dx", x.Grad!.ToArray(), mask, 1e-5, 1e-5);
        Assert.All(mask, m => Assert.True(m == 0 || Math.Abs(m - 1 / 0.6) < 1e-5, $"mask value {m}"));
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_mask()
    {
        var x = Tensor.Ones([50]);
        Assert.Equal(x.Dropout(0.5f, true, new Generator(9)).ToArray(), x.Dropout(0.5f, true, new Generator(9)).ToArray());
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1.5f)]
    [InlineData(float.NaN)]
    public void A_probability_outside_zero_to_one_is_refused(float p)
    {
        var error = Assert.Throws<ArgumentException>(() => new Dropout(p));
        Assert.Contains("probability must be in [0, 1]", error.Message);
    }

    [Fact]
    public void P_one_drops_everything()
        => Assert.All(Tensor.Ones([10]).Dropout(1f, true, new Generator(1)).ToArray(), v => Assert.Equal(0f, v));
}
