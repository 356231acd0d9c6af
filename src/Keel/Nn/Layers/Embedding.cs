using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// A lookup table of <c>numEmbeddings</c> learned vectors of size <c>embeddingDim</c>, like
/// PyTorch's <c>nn.Embedding</c> and Keras' <c>Embedding</c>: the output is <c>C[X]</c>, of shape
/// <c>X.shape + [embeddingDim]</c>.
/// </summary>
/// <remarks>
/// Indices are whole numbers stored in a float tensor, each in <c>[0, numEmbeddings)</c>; rows used
/// several times in a batch accumulate their gradients. Default initialization is PyTorch's,
/// N(0, 1): an embedding feeds a layer that rescales it, so unit variance keeps the first
/// pre-activations at the scale the next layer's initializer expects. (Keras uses U(−0.05, 0.05).)
/// </remarks>
public sealed class Embedding : Module
{
    /// <summary>PyTorch's default, N(0, 1).</summary>
    public static readonly IInitializer DefaultInit = Initializers.Normal(0f, 1f);

    /// <summary>A table of <paramref name="numEmbeddings"/> vectors of size <paramref name="embeddingDim"/>.</summary>
    /// <param name="numEmbeddings">Vocabulary size V.</param>
    /// <param name="embeddingDim">Vector size D.</param>
    /// <param name="init">Initializer of the <c>[V, D]</c> table (default <see cref="DefaultInit"/>); its fans are (V, D).</param>
    /// <param name="generator">Randomness for initialization; default <c>new Generator(Initializers.DefaultSeed)</c>.</param>
    public Embedding(int numEmbeddings, int embeddingDim, IInitializer? init = null, Generator? generator = null)
    {
        if (numEmbeddings <= 0 || embeddingDim <= 0)
            throw new ArgumentException($"Embedding: sizes must be positive, got {numEmbeddings} embeddings of dimension {embeddingDim}");
        (NumEmbeddings, EmbeddingDim) = (numEmbeddings, embeddingDim);
        Shape shape = [numEmbeddings, embeddingDim];
        Weight = RegisterParameter("weight", Initializers.Create(init ?? DefaultInit, shape, Fans.Of(shape), generator ?? new Generator(Initializers.DefaultSeed)), isWeight: true);
    }

    /// <summary>Vocabulary size.</summary>
    public int NumEmbeddings { get; }

    /// <summary>Vector size.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The table, <c>[V, D]</c>.</summary>
    public Parameter Weight { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        try
        {
            return Weight[input];
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"{LayerName}: {error.Message}", error);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Embedding({NumEmbeddings}, {EmbeddingDim})";
}
