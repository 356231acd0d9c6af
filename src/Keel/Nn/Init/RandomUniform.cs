using Keel.Tensors;

namespace Keel.Nn;

/// <summary>U(<paramref name="Low"/>, <paramref name="High"/>), PyTorch's <c>uniform_</c> (defaults 0 and 1; Keras' <c>RandomUniform</c> defaults to ±0.05).</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound (at least <paramref name="Low"/>).</param>
public sealed record RandomUniform(float Low = 0f, float High = 1f) : IInitializer
{
    /// <summary>Validated in the constructor.</summary>
    public float High { get; } = High >= Low ? High : throw new ArgumentException($"RandomUniform: high ({High}) is below low ({Low})", nameof(High));

    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator)
    {
        var data = tensor.Data;
        for (int i = 0; i < data.Length; i++) data[i] = Low + (High - Low) * generator.NextFloat();
    }
}
