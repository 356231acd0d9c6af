using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// The standard initializers by name. <c>Xavier*</c>, <c>Kaiming*</c> and <c>LeCun*</c> follow
/// PyTorch's <c>torch.nn.init</c> (plain normal); <c>Glorot*</c> and <c>He*</c> follow Keras,
/// whose "normal" variants draw from a truncated normal of the same variance.
/// </summary>
/// <remarks>
/// <code>
/// Glorot/Xavier  variance gain²·2/(fan_in + fan_out)   uniform limit gain·√(6/(fan_in + fan_out))
/// He/Kaiming     variance gain²/fan (gain √2 for ReLU)  uniform limit gain·√(3/fan)
/// LeCun          variance 1/fan_in                      uniform limit √(3/fan_in)
/// </code>
/// Fans come from the layer (<see cref="Fans"/>). Gains: <see cref="Gain.For"/>.
/// </remarks>
public static class Initializers
{
    /// <summary>The seed of the generator a layer uses when none is given.</summary>
    /// <remarks>
    /// Each such layer starts its own <c>new Generator(DefaultSeed)</c>, so results are repeatable,
    /// but two layers of the same shape start with equal weights; pass one generator to all the
    /// layers of a model for independent draws that a single seed still fixes.
    /// </remarks>
    public const ulong DefaultSeed = 0;

    /// <summary>Glorot and Bengio (2010), uniform, PyTorch's <c>xavier_uniform_</c>.</summary>
    public static IInitializer XavierUniform(float gain = 1f) => new VarianceScaling(gain * gain, FanMode.FanAverage, InitDistribution.Uniform);

    /// <summary>Glorot and Bengio (2010), normal, PyTorch's <c>xavier_normal_</c>.</summary>
    public static IInitializer XavierNormal(float gain = 1f) => new VarianceScaling(gain * gain, FanMode.FanAverage, InitDistribution.Normal);

    /// <summary>He et al. (2015), uniform with bound <c>gain·√(3/fan)</c>, PyTorch's <c>kaiming_uniform_</c>.</summary>
    public static IInitializer KaimingUniform(float gain, FanMode mode = FanMode.FanIn) => new VarianceScaling(gain * gain, mode, InitDistribution.Uniform);

    /// <summary>
    /// <c>kaiming_uniform_(a, mode, nonlinearity)</c> with PyTorch's defaults (leaky_relu with
    /// slope 0, hence gain √2); <c>a = √5</c> gives PyTorch's Linear default U(±1/√fan_in).
    /// </summary>
    public static IInitializer KaimingUniform(string nonlinearity = "leaky_relu", FanMode mode = FanMode.FanIn, float negativeSlope = 0f)
        => KaimingUniform(Gain.For(nonlinearity, negativeSlope), mode);

    /// <summary>He et al. (2015), normal with std <c>gain/√fan</c>, PyTorch's <c>kaiming_normal_</c>.</summary>
    public static IInitializer KaimingNormal(float gain, FanMode mode = FanMode.FanIn) => new VarianceScaling(gain * gain, mode, InitDistribution.Normal);

    /// <summary><c>kaiming_normal_(a, mode, nonlinearity)</c> with PyTorch's defaults (gain √2).</summary>
    public static IInitializer KaimingNormal(string nonlinearity = "leaky_relu", FanMode mode = FanMode.FanIn, float negativeSlope = 0f)
        => KaimingNormal(Gain.For(nonlinearity, negativeSlope), mode);

    /// <summary>LeCun et al. (1998), uniform with limit √(3/fan_in) (Keras' <c>lecun_uniform</c>).</summary>
    public static IInitializer LeCunUniform() => new VarianceScaling(1f, FanMode.FanIn, InitDistribution.Uniform);

    /// <summary>LeCun, N(0, 1/fan_in) (what SELU networks use in PyTorch; Keras' <c>lecun_normal</c> truncates).</summary>
    public static IInitializer LeCunNormal() => new VarianceScaling(1f, FanMode.FanIn, InitDistribution.Normal);

    /// <summary>Keras' <c>GlorotUniform</c>, identical to <see cref="XavierUniform"/> with gain 1.</summary>
    public static IInitializer GlorotUniform() => XavierUniform();

    /// <summary>Keras' <c>GlorotNormal</c>: truncated normal of variance 2/(fan_in + fan_out).</summary>
    public static IInitializer GlorotNormal() => new VarianceScaling(1f, FanMode.FanAverage, InitDistribution.TruncatedNormal);

    /// <summary>Keras' <c>HeUniform</c>: limit √(6/fan_in).</summary>
    public static IInitializer HeUniform() => new VarianceScaling(2f, FanMode.FanIn, InitDistribution.Uniform);

    /// <summary>Keras' <c>HeNormal</c>: truncated normal of variance 2/fan_in.</summary>
    public static IInitializer HeNormal() => new VarianceScaling(2f, FanMode.FanIn, InitDistribution.TruncatedNormal);

    /// <summary>A (semi-)orthogonal matrix times <paramref name="gain"/>.</summary>
    public static IInitializer Orthogonal(float gain = 1f) => new Orthogonal(gain);

    /// <summary>N(mean, std²) cut to [a, b], PyTorch's <c>trunc_normal_</c>.</summary>
    public static IInitializer TruncatedNormal(float mean = 0f, float std = 1f, float a = -2f, float b = 2f) => new TruncatedNormal(mean, std, a, b);

    /// <summary>N(mean, std²).</summary>
    public static IInitializer Normal(float mean = 0f, float std = 1f) => new RandomNormal(mean, std);

    /// <summary>U(low, high).</summary>
    public static IInitializer Uniform(float low = 0f, float high = 1f) => new RandomUniform(low, high);

    /// <summary>Every value equal to <paramref name="value"/>.</summary>
    public static IInitializer Constant(float value) => new Constant(value);

    /// <summary>Zeros.</summary>
    public static IInitializer Zeros() => new Constant(0f);

    /// <summary>Ones.</summary>
    public static IInitializer Ones() => new Constant(1f);

    /// <summary>A new tensor of <paramref name="shape"/> filled by <paramref name="initializer"/>.</summary>
    internal static Tensor Create(IInitializer initializer, Shape shape, Fans fans, Generator generator)
    {
        var tensor = Tensor.Zeros(shape);
        initializer.Fill(tensor, fans, generator);
        return tensor;
    }
}
