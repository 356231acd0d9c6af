using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

public sealed class InitializerTests
{
    private const int In = 400, Out = 250;

    public static TheoryData<string, double> Variances => new()
    {
        // name, expected variance for a [400, 250] weight (fan_in 400, fan_out 250).
        { "xavier_uniform", 2.0 / (In + Out) },
        { "xavier_normal", 2.0 / (In + Out) },
        { "xavier_uniform_tanh", 25.0 / 9 * 2 / (In + Out) },
        { "kaiming_uniform_relu", 2.0 / In },
        { "kaiming_normal_relu", 2.0 / In },
        { "kaiming_normal_tanh_fan_out", 25.0 / 9 / Out },
        { "kaiming_normal_leaky_0.2", 2.0 / (1 + 0.04) / In },
        { "lecun_uniform", 1.0 / In },
        { "lecun_normal", 1.0 / In },
        { "glorot_normal_keras_truncated", 2.0 / (In + Out) },
        { "he_normal_keras_truncated", 2.0 / In },
        { "he_uniform_keras", 2.0 / In },
        { "linear_default", 1.0 / (3 * In) },
        { "normal_0.1", 0.01 },
        { "uniform_-1_3", 16.0 / 12 },
        // trunc_normal_(std 1, a −2, b 2): 1 − 2·2φ(2)/(Φ(2) − Φ(−2)) = 0.77374.
        { "trunc_normal_default", 0.773741 },
    };

    [Theory, MemberData(nameof(Variances))]
    public void The_sample_variance_of_a_large_matrix_matches_the_formula(string name, double expected)
    {
        var tensor = Tensor.Zeros([In, Out]);
        Create(name).Fill(tensor, Fans.Of(tensor.Shape), new Generator(7));
        var values = tensor.ToArray();
        // 100,000 samples: the relative standard error of a variance is about √(2/n) ≈ 0.45 %.
        Assert.InRange(Statistics.Variance(values), expected * 0.97, expected * 1.03);
        // The standard error of the mean is √(variance/n) ≈ 0.003·σ; U(−1, 3) is the one case centred off zero.
        double mean = name == "uniform_-1_3" ? 1 : 0;
        Assert.InRange(Statistics.Mean(values), mean - 0.02 * Math.Sqrt(expected), mean + 0.02 * Math.Sqrt(expected));
    }

    [Fact]
    public void Uniform_initializers_stay_within_their_limit()
    {
        var tensor = Tensor.Zeros([In, Out]);
        Initializers.XavierUniform().Fill(tensor, Fans.Of(tensor.Shape), new Generator(1));
        double limit = Math.Sqrt(6.0 / (In + Out));
        Assert.All(tensor.ToArray(), v => Assert.InRange(v, -limit, limit));
    }

    [Fact]
    public void Truncated_normals_stay_within_their_bounds()
    {
        var tensor = Tensor.Zeros([100, 100]);
        Initializers.TruncatedNormal(mean: 1f, std: 0.5f, a: 0.5f, b: 2f).Fill(tensor, Fans.Of(tensor.Shape), new Generator(1));
        Assert.All(tensor.ToArray(), v => Assert.InRange(v, 0.5f, 2f));
        var keras = Tensor.Zeros([100, 100]);
        Initializers.HeNormal().Fill(keras, new Fans(100, 100), new Generator(2));
        double cut = 2 * Math.Sqrt(2.0 / 100) / 0.87962566103423978;
        Assert.All(keras.ToArray(), v => Assert.InRange(v, -cut, cut));
    }

    [Theory]
    [InlineData(300, 100)]
    [InlineData(100, 300)]
    public void Orthogonal_gives_orthonormal_columns_or_rows_times_the_gain(int rows, int cols)
    {
        var tensor = Tensor.Zeros([rows, cols]);
        Initializers.Orthogonal(gain: 2f).Fill(tensor, Fans.Of(tensor.Shape), new Generator(3));
        var w = tensor.ToArray();
        bool byColumns = rows >= cols;
        int k = Math.Min(rows, cols), n = Math.Max(rows, cols);
        double At(int vector, int i) => byColumns ? w[i * cols + vector] : w[vector * cols + i];
        for (int a = 0; a < k; a += 7)
        {
            for (int b = 0; b < k; b += 5)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += At(a, i) * At(b, i);
                Assert.Equal(a == b ? 4.0 : 0.0, dot, 4);
            }
        }
    }

    [Fact]
    public void Constants_fill_every_value()
    {
        var tensor = Tensor.Zeros([3, 4]);
        Initializers.Constant(0.25f).Fill(tensor, default, new Generator(1));
        Assert.All(tensor.ToArray(), v => Assert.Equal(0.25f, v));
        Initializers.Ones().Fill(tensor, default, new Generator(1));
        Assert.All(tensor.ToArray(), v => Assert.Equal(1f, v));
        Initializers.Zeros().Fill(tensor, default, new Generator(1));
        Assert.All(tensor.ToArray(), v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData("linear", 1.0)]
    [InlineData("sigmoid", 1.0)]
    [InlineData("tanh", 5.0 / 3)]
    [InlineData("relu", 1.4142135623730951)]
    [InlineData("selu", 0.75)]
    [InlineData("Leaky_ReLU", 1.4141428569978354)] // √(2/(1 + 0.01²))
    public void Gains_follow_pytorch_calculate_gain(string nonlinearity, double expected)
        => Assert.Equal(expected, Gain.For(nonlinearity), 6);

    [Fact]
    public void An_unknown_nonlinearity_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Gain.For("swish"));
        Assert.StartsWith("unknown nonlinearity 'swish'", error.Message);
    }

    [Fact]
    public void Fans_follow_the_in_by_out_layout()
    {
        Assert.Equal(new Fans(30, 200), Fans.Of([30, 200]));
        Assert.Equal(new Fans(7, 7), Fans.Of([7]));
        Assert.Equal(new Fans(3 * 5 * 4, 3 * 5 * 8), Fans.Of([3, 5, 4, 8]));
    }

    [Fact]
    public void A_layer_uses_the_initializer_it_is_given()
    {
        var layer = new Linear(3, 2, weightInit: Initializers.Constant(0.5f), biasInit: Initializers.Zeros());
        Assert.All(layer.Weight.ToArray(), v => Assert.Equal(0.5f, v));
        Assert.All(layer.Bias!.ToArray(), v => Assert.Equal(0f, v));
    }

    private static IInitializer Create(string name) => name switch
    {
        "xavier_uniform" => Initializers.XavierUniform(),
        "xavier_normal" => Initializers.XavierNormal(),
        "xavier_uniform_tanh" => Initializers.XavierUniform(Gain.For("tanh")),
        "kaiming_uniform_relu" => Initializers.KaimingUniform("relu"),
        "kaiming_normal_relu" => Initializers.KaimingNormal("relu"),
        "kaiming_normal_tanh_fan_out" => Initializers.KaimingNormal(5f / 3f, FanMode.FanOut),
        "kaiming_normal_leaky_0.2" => Initializers.KaimingNormal("leaky_relu", negativeSlope: 0.2f),
        "lecun_uniform" => Initializers.LeCunUniform(),
        "lecun_normal" => Initializers.LeCunNormal(),
        "glorot_normal_keras_truncated" => Initializers.GlorotNormal(),
        "he_normal_keras_truncated" => Initializers.HeNormal(),
        "he_uniform_keras" => Initializers.HeUniform(),
        "linear_default" => Linear.DefaultInit,
        "normal_0.1" => Initializers.Normal(0f, 0.1f),
        "uniform_-1_3" => Initializers.Uniform(-1f, 3f),
        "trunc_normal_default" => Initializers.TruncatedNormal(),
        _ => throw new ArgumentException(name),
    };
}
