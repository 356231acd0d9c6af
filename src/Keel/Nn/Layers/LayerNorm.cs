using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Layer normalization (Ba, Kiros and Hinton, 2016), like PyTorch's <c>nn.LayerNorm</c>: each
/// sample is normalized over its trailing axes, <c>y = γ·(x − μ)/√(σ² + ε) + β</c> with the
/// biased variance (<see cref="LayerNormOp"/>). The same in training and evaluation.
/// </summary>
/// <remarks>
/// Defaults as PyTorch: eps 1e-5, γ = 1 and β = 0, so a new layer is a plain standardization.
/// Keras' <c>LayerNormalization</c> uses eps 1e-3. No running statistics: each sample is
/// normalized on its own, which is why it suits batches of one and sequence models.
/// </remarks>
public sealed class LayerNorm : Module
{
    /// <summary>Normalizes over the last axis, of size <paramref name="features"/>.</summary>
    public LayerNorm(int features, float eps = 1e-5f, bool elementwiseAffine = true)
        : this(new Shape([features]), eps, elementwiseAffine)
    {
    }

    /// <summary>Normalizes over the trailing axes <paramref name="normalizedShape"/>.</summary>
    /// <param name="normalizedShape">The trailing axes of the input to normalize over.</param>
    /// <param name="eps">Added to the variance.</param>
    /// <param name="elementwiseAffine">Learn γ and β of shape <paramref name="normalizedShape"/>.</param>
    /// <param name="weightInit">Initializer of γ (default ones).</param>
    /// <param name="biasInit">Initializer of β (default zeros).</param>
    /// <param name="generator">Randomness for a random γ or β initializer; default <c>new Generator(Initializers.DefaultSeed)</c>.</param>
    public LayerNorm(
        Shape normalizedShape, float eps = 1e-5f, bool elementwiseAffine = true,
        IInitializer? weightInit = null, IInitializer? biasInit = null, Generator? generator = null)
    {
        if (normalizedShape.Rank == 0 || normalizedShape.Size == 0)
            throw new ArgumentException($"LayerNorm: normalized shape must be non-empty, got {normalizedShape}", nameof(normalizedShape));
        if (!(eps > 0f)) throw new ArgumentException($"LayerNorm: eps must be positive, got {eps}", nameof(eps));
        (NormalizedShape, Eps) = (normalizedShape, eps);
        if (elementwiseAffine)
        {
            (Weight, Bias) = NormalizationParameters.Register(RegisterParameter, normalizedShape, weightInit, biasInit, generator);
        }
    }

    /// <summary>The trailing axes normalized over.</summary>
    public Shape NormalizedShape { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>γ, or null without affine.</summary>
    public Parameter? Weight { get; }

    /// <summary>β, or null without affine.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        int k = NormalizedShape.Rank;
        if (input.Rank < k || !input.Shape.Dims[(input.Rank - k)..].SequenceEqual(NormalizedShape.Dims))
            throw new ArgumentException($"{LayerName}: expected an input whose trailing axes are {NormalizedShape}, got {input.Shape}");
        return input.LayerNorm(NormalizedShape, Weight, Bias, Eps);
    }

    /// <inheritdoc />
    public override string ToString() => $"LayerNorm({NormalizedShape})";
}
