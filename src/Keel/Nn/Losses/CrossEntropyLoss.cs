using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Cross-entropy from logits <c>[N, C]</c> (classes last) and class indices <c>[N]</c>, with
/// optional label smoothing: PyTorch's <c>nn.CrossEntropyLoss</c> and Keras'
/// <c>SparseCategoricalCrossentropy(from_logits=True)</c>.
/// </summary>
/// <remarks>
/// Per row, with p = softmax(x) computed by a fused stable log-softmax and ε the label smoothing:
/// <c>ℓ = (1 − ε)·(−log p_target) + (ε/C)·Σ_c (−log p_c)</c>; see <see cref="Tensor.CrossEntropy"/>.
/// A model that guesses uniformly starts at <c>ln C</c> (3.2958 for 27 classes).
/// </remarks>
public sealed class CrossEntropyLoss : Loss
{
    /// <summary>A cross-entropy loss.</summary>
    /// <param name="reduction">Mean over rows (default), sum, or none.</param>
    /// <param name="labelSmoothing">ε in [0, 1] (PyTorch's <c>label_smoothing</c>, default 0).</param>
    public CrossEntropyLoss(Reduction reduction = Reduction.Mean, float labelSmoothing = 0f)
        : base(reduction)
    {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f))
            throw new ArgumentException($"CrossEntropyLoss: label smoothing must be in [0, 1], got {labelSmoothing}", nameof(labelSmoothing));
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>ε, the mass spread uniformly over the classes.</summary>
    public float LabelSmoothing { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target) => input.CrossEntropy(target, Reduction, LabelSmoothing);
}
