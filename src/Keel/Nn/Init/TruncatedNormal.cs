using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// N(mean, std²) restricted to [a, b], PyTorch's <c>nn.init.trunc_normal_</c> (defaults mean 0,
/// std 1, a = −2, b = 2, bounds in absolute values). Keras' <c>TruncatedNormal</c> cuts at
/// mean ± 2·std instead: pass those bounds.
/// </summary>
/// <remarks>
/// Sampled by rejection (a draw outside [a, b] is redrawn). The variance of the result is less
/// than std²: about 0.774·std² for bounds at ±2·std.
/// </remarks>
public sealed record TruncatedNormal : IInitializer
{
    private const int MaxTries = 1000;

    /// <summary>Validates the bounds and the standard deviation.</summary>
    public TruncatedNormal(float mean = 0f, float std = 1f, float a = -2f, float b = 2f)
    {
        if (!(std > 0f)) throw new ArgumentException($"TruncatedNormal: std must be positive, got {std}", nameof(std));
        if (!(a < b)) throw new ArgumentException($"TruncatedNormal: lower bound {a} must be below upper bound {b}", nameof(a));
        (Mean, Std, A, B) = (mean, std, a, b);
    }

    /// <summary>Mean of the untruncated normal.</summary>
    public float Mean { get; }

    /// <summary>Standard deviation of the untruncated normal.</summary>
    public float Std { get; }

    /// <summary>Lower bound.</summary>
    public float A { get; }

    /// <summary>Upper bound.</summary>
    public float B { get; }

    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator) => Sample(tensor.Data, Mean, Std, A, B, generator);

    internal static void Sample(Span<float> data, float mean, float std, float a, float b, Generator generator)
    {
        for (int i = 0; i < data.Length; i++)
        {
            int tries = 0;
            float value;
            do
            {
                if (++tries > MaxTries)
                    throw new ArgumentException($"TruncatedNormal: [{a}, {b}] is too far from N({mean}, {std}²) to sample by rejection");
                value = mean + std * generator.NextNormal();
            }
            while (value < a || value > b);
            data[i] = value;
        }
    }
}
