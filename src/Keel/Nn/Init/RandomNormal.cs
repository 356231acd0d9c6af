using Keel.Tensors;

namespace Keel.Nn;

/// <summary>N(<paramref name="Mean"/>, <paramref name="Std"/>²), PyTorch's <c>normal_</c> (defaults 0 and 1; Keras' <c>RandomNormal</c> defaults std to 0.05).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Std">Standard deviation (non-negative).</param>
public sealed record RandomNormal(float Mean = 0f, float Std = 1f) : IInitializer
{
    /// <summary>Validated in the constructor.</summary>
    public float Std { get; } = Std >= 0f ? Std : throw new ArgumentException($"RandomNormal: std must be non-negative, got {Std}", nameof(Std));

    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator)
    {
        var data = tensor.Data;
        for (int i = 0; i < data.Length; i++) data[i] = Mean + Std * generator.NextNormal();
    }
}
