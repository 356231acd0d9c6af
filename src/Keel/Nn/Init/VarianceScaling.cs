using Keel.Tensors;

namespace Keel.Nn;

/// <summary>The distribution a <see cref="VarianceScaling"/> initializer draws from.</summary>
public enum InitDistribution
{
    /// <summary>N(0, σ²) with σ² = scale/fan.</summary>
    Normal,

    /// <summary>U(−l, l) with l = √(3·scale/fan), which has variance scale/fan.</summary>
    Uniform,

    /// <summary>
    /// Keras' truncated normal: N(0, s²) cut at ±2s with s = √(scale/fan)/0.87962566, so that the
    /// truncated samples have variance scale/fan.
    /// </summary>
    TruncatedNormal,
}

/// <summary>
/// Draws values of variance <c>scale / fan</c>, Keras' <c>VarianceScaling</c>; Glorot/Xavier,
/// He/Kaiming and LeCun initializers are instances of it (see <see cref="Initializers"/>).
/// </summary>
/// <param name="Scale">The variance numerator, gain² in PyTorch's terms (2 for He with ReLU).</param>
/// <param name="Mode">Which fan divides it.</param>
/// <param name="Distribution">Normal, uniform or truncated normal.</param>
public sealed record VarianceScaling(float Scale, FanMode Mode, InitDistribution Distribution) : IInitializer
{
    /// <summary>Keras' correction: the standard deviation of a standard normal truncated at ±2.</summary>
    private const double TruncatedStd = 0.87962566103423978;

    /// <summary>Validated in the constructor: the scale must be positive and finite.</summary>
    public float Scale { get; } = Scale > 0f && float.IsFinite(Scale)
        ? Scale
        : throw new ArgumentException($"VarianceScaling: scale must be positive and finite, got {Scale}", nameof(Scale));

    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator)
    {
        float fan = fans.Select(Mode);
        if (!(fan > 0f)) throw new ArgumentException($"VarianceScaling: {Mode} is {fan} for a tensor of shape {tensor.Shape}; it must be positive");
        double variance = Scale / fan;
        var data = tensor.Data;
        switch (Distribution)
        {
            case InitDistribution.Normal:
                float std = (float)Math.Sqrt(variance);
                for (int i = 0; i < data.Length; i++) data[i] = std * generator.NextNormal();
                break;
            case InitDistribution.Uniform:
                float limit = (float)Math.Sqrt(3 * variance);
                for (int i = 0; i < data.Length; i++) data[i] = limit * (2f * generator.NextFloat() - 1f);
                break;
            case InitDistribution.TruncatedNormal:
                float s = (float)(Math.Sqrt(variance) / TruncatedStd);
                TruncatedNormal.Sample(data, 0f, s, -2f * s, 2f * s, generator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Distribution), Distribution, "unknown distribution");
        }
    }
}
