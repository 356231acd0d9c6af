using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Inverted dropout, like PyTorch's <c>nn.Dropout</c> and Keras' <c>Dropout</c>: in training each
/// element is zeroed with probability p and the kept ones are scaled by <c>1/(1 − p)</c>, so the
/// expected output equals the input; in evaluation mode it is the identity.
/// </summary>
/// <remarks>Default p = 0.5 (PyTorch; Keras requires a rate). Masks come from the layer's generator.</remarks>
public sealed class Dropout : Module
{
    private readonly Generator _generator;

    /// <summary>A dropout layer with drop probability <paramref name="p"/>.</summary>
    /// <param name="p">Probability of zeroing an element, in [0, 1].</param>
    /// <param name="generator">Source of the masks; default <c>new Generator(Initializers.DefaultSeed)</c>.</param>
    public Dropout(float p = 0.5f, Generator? generator = null)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentException($"Dropout: probability must be in [0, 1], got {p}", nameof(p));
        P = p;
        _generator = generator ?? new Generator(Initializers.DefaultSeed);
    }

    /// <summary>Drop probability.</summary>
    public float P { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Dropout(P, IsTraining, _generator);

    /// <summary>The mask generator, whose state checkpoints carry.</summary>
    internal Generator Generator => _generator;

    /// <inheritdoc />
    public override string ToString() => $"Dropout(p: {P})";
}
