using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class ElementwiseGradientTests
{
    public static TheoryData<int[]> Shapes => new() { new[] { 3, 4 }, new[] { 2, 3, 4 }, Array.Empty<int>(), new[] { 0 }, new[] { 5, 0 } };

    [Theory, MemberData(nameof(Shapes))]
    public void Exp_matches_the_reference(int[] shape) => Check(shape, t => t.Exp(), Math.Exp);

    [Theory, MemberData(nameof(Shapes))]
    public void Log_matches_the_reference(int[] shape) => Check(Positive(shape), t => t.Log(), Math.Log);

    [Theory, MemberData(nameof(Shapes))]
    public void Sqrt_matches_the_reference(int[] shape) => Check(Positive(shape), t => t.Sqrt(), Math.Sqrt);

    [Theory, MemberData(nameof(Shapes))]
    public void Abs_matches_the_reference_away_from_zero(int[] shape) => Check(AwayFrom(shape, 0f), t => t.Abs(), Math.Abs);

    [Theory, MemberData(nameof(Shapes))]
    public void Tanh_matches_the_reference(int[] shape) => Check(shape, t => t.Tanh(), Math.Tanh);

    [Theory, MemberData(nameof(Shapes))]
    public void Sigmoid_matches_the_reference(int[] shape) => Check(shape, t => t.Sigmoid(), v => 1 / (1 + Math.Exp(-v)));

    [Theory, MemberData(nameof(Shapes))]
    public void Relu_matches_the_reference_away_from_zero(int[] shape) => Check(AwayFrom(shape, 0f), t => t.Relu(), v => Math.Max(v, 0));

    [Theory, MemberData(nameof(Shapes))]
    public void LeakyRelu_matches_the_reference_away_from_zero(int[] shape)
    {
        Check(AwayFrom(shape, 0f), t => t.LeakyRelu(), v => v > 0 ? v : 0.01 * v);
        Check(AwayFrom(shape, 0f), t => t.LeakyRelu(0.2f), v => v > 0 ? v : 0.2 * v);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Elu_and_Selu_match_the_reference_away_from_zero(int[] shape)
    {
        Check(AwayFrom(shape, 0f), t => t.Elu(), v => v > 0 ? v : Math.Exp(v) - 1);
        Check(AwayFrom(shape, 0f), t => t.Elu(0.5f), v => v > 0 ? v : 0.5 * (Math.Exp(v) - 1));
        const double alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946;
        Check(AwayFrom(shape, 0f), t => t.Selu(), v => scale * (v > 0 ? v : alpha * (Math.Exp(v) - 1)));
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Gelu_matches_the_reference_in_both_forms(int[] shape)
    {
        Check(Scaled(shape, 2.5f), t => t.Gelu(), v => 0.5 * v * (1 + SpecialFunctions.Erf(v / Math.Sqrt(2))));
        Check(Scaled(shape, 2.5f), t => t.Gelu(GeluApproximation.Tanh), v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Pow_matches_the_reference(int[] shape)
    {
        Check(shape, t => t.Pow(3f), v => v * v * v);
        Check(shape, t => t.Pow(2f), v => v * v);
        Check(Positive(shape), t => t.Pow(-1.5f), v => Math.Pow(v, -1.5));
        Check(Positive(shape), t => t.Pow(0.5f), Math.Sqrt);
        Check(shape, t => t.Pow(0f), _ => 1);
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Clamp_matches_the_reference_away_from_its_edges(int[] shape)
    {
        var x = AwayFrom(AwayFrom(shape, -0.5f), 0.7f);
        Check(x, t => t.Clamp(-0.5f, 0.7f), v => Math.Min(Math.Max(v, -0.5), 0.7));
        Check(x, t => t.Clamp(min: -0.5f), v => Math.Max(v, -0.5));
        Check(x, t => t.Clamp(max: 0.7f), v => Math.Min(v, 0.7));
    }

    [Fact]
    public void Gradients_at_the_kinks_follow_pytorch()
    {
        // Each expected value is PyTorch 1.13's gradient at that point.

        Assert.Equal([0f], GradAt([0f], t => t.Abs()));
        Assert.Equal([0f], GradAt([0f], t => t.Relu()));
        Assert.Equal([1f, 1f, 0f, 0f], GradAt([-0.5f, 0.7f, 0.71f, -0.51f], t => t.Clamp(-0.5f, 0.7f)));
        Assert.Equal([0.01f], GradAt([0f], t => t.LeakyRelu()));
        Assert.Equal([1f], GradAt([0f], t => t.Elu()));
        Assert.Equal([0.5f], GradAt([0f], t => t.Elu(0.5f)));
        Assert.Equal(1.7580993175506592f, GradAt([0f], t => t.Selu())[0], 6);
        Assert.Equal([0f, 0f], GradAt([0f, 2f], t => t.Pow(0f)));
        Assert.Equal([float.PositiveInfinity], GradAt([0f], t => t.Sqrt()));
        Assert.Equal([0.5f], GradAt([0f], t => t.Gelu()));
    }

    [Fact]
    public void Values_match_pytorch()
    {
        // torch.nn.functional.gelu / selu on [-1, 0.5, 2] and [-1, 0.5], PyTorch 1.13.
        var x = Tensor.FromArray([-1f, 0.5f, 2f]);
        GradCheck.AssertClose("gelu", x.Gelu().ToArray(), [-0.1586552858352661, 0.3457311987876892, 1.9544999599456787], 1e-6, 1e-6);
        GradCheck.AssertClose("gelu tanh", x.Gelu(GeluApproximation.Tanh).ToArray(), [-0.15880799293518066, 0.3457140028476715, 1.9545977115631104], 1e-6, 1e-6);
        GradCheck.AssertClose("selu", Tensor.FromArray([-1f, 0.5f]).Selu().ToArray(), [-1.1113307476043701, 0.5253505110740662], 1e-6, 1e-6);
        Assert.Equal([float.NaN, 0f, 3f], Tensor.FromArray([float.NaN, -1f, 3f]).Relu().ToArray());
        Assert.Equal([0.7f, 0.7f], Tensor.FromArray([-3f, 3f]).Clamp(1f, 0.7f).ToArray());
    }

    [Fact]
    public void Clamp_without_bounds_is_an_error()
    {
        Assert.Equal("Clamp: give at least one of min and max", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2]).Clamp()).Message);
        Assert.Contains("must not be NaN", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2]).Clamp(float.NaN)).Message);
    }

    private static void Check(int[] shape, Func<Tensor, Tensor> op, Func<double, double> f)
        => Check(GradCheck.Random(new Shape(shape), 1), op, f);

    private static void Check(Tensor x, Func<Tensor, Tensor> op, Func<double, double> f)
        => GradCheck.Check(t => op(t[0]), v => v[0].Select(f).ToArray(), [x]);

    private static Tensor Positive(int[] shape) => Tensor.Uniform(new Shape(shape), new Generator(2), 0.5f, 2f, requiresGrad: true);

    private static Tensor Scaled(int[] shape, float scale) => GradCheck.Random(new Shape(shape), 3, scale);

    /// <summary>Normal values moved at least 0.01 away from <paramref name="kink"/>, where central differences would straddle it.</summary>
    private static Tensor AwayFrom(int[] shape, float kink) => AwayFrom(GradCheck.Random(new Shape(shape), 4), kink);

    private static Tensor AwayFrom(Tensor x, float kink)
    {
        var values = x.ToArray().Select(v => Math.Abs(v - kink) < 0.01f ? kink + (v >= kink ? 0.02f : -0.02f) : v).ToArray();
        return Tensor.FromArray(values, x.Shape, requiresGrad: true);
    }

    private static float[] GradAt(float[] values, Func<Tensor, Tensor> op)
    {
        var x = Tensor.FromArray(values, requiresGrad: true);
        op(x).Sum().Backward();
        return x.Grad!.ToArray();
    }
}
