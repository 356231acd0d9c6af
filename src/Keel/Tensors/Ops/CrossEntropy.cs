using System.Buffers;
using Keel.Kernels.Reductions;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Cross-entropy between these logits (<c>[N, C]</c>, or <c>[..., C]</c> with the classes last)
    /// and integer class <paramref name="targets"/> (shape <c>[N]</c> or <c>[...]</c>), computed with
    /// a fused, numerically stable log-softmax, as <c>torch.nn.functional.cross_entropy</c>.
    /// </summary>
    /// <remarks>
    /// Per row: <c>ℓ = (1 − ε)·(−log pₜ) + (ε / C)·Σ_c (−log p_c)</c>, with <c>p = softmax(x)</c>
    /// and ε = <paramref name="labelSmoothing"/> (default 0, PyTorch's <c>label_smoothing</c>),
    /// then the mean over rows (default), the sum, or none. The gradient is
    /// <c>(p − (1 − ε)·onehot(t) − ε / C) / N</c> for the mean. Unlike PyTorch the class axis is
    /// the last one, and there are no class weights or <c>ignore_index</c>; Keras'
    /// <c>SparseCategoricalCrossentropy(from_logits=True)</c> is the same loss without smoothing.
    /// </remarks>
    /// <exception cref="ArgumentException">Shapes do not match, a target is not a class, or ε is outside [0, 1].</exception>
    public Tensor CrossEntropy(Tensor targets, Reduction reduction = Reduction.Mean, float labelSmoothing = 0f)
        => CrossEntropyOp.Forward(this, targets, reduction, labelSmoothing);
}

/// <summary>
/// Cross-entropy from logits; saves the softmax probabilities and the target classes (pooled
/// buffers, returned in <see cref="ReleaseSaved"/>) so that backward is <c>∂L/∂x = g · (p − (1 − ε)·onehot − ε / C)</c>.
/// </summary>
internal sealed class CrossEntropyOp(Tensor logits, int[] targets, int rows, float[] probabilities, Reduction reduction, float labelSmoothing) : Op(logits)
{
    private float[]? _probabilities = probabilities;
    private int[]? _targets = targets;

    public override string Name => "CrossEntropy";

    public static Tensor Forward(Tensor logits, Tensor targets, Reduction reduction, float labelSmoothing)
    {
        if (!(labelSmoothing is >= 0f and <= 1f))
            throw new ArgumentException($"CrossEntropy: labelSmoothing must be in [0, 1], got {labelSmoothing}");
        var classes = LossTargets.RentClasses("CrossEntropy", logits, targets);
        int rows = targets.Size;
        var probabilities = BufferPool.Shared.Rent(logits.Size, clear: false);
        var losses = BufferPool.Shared.Rent(rows, clear: false);
        CrossEntropyKernels.Forward(logits.Data, classes.AsSpan(0, rows), logits.Shape[-1], labelSmoothing, losses, probabilities);
        var y = LossTargets.Reduce(losses, targets.Shape, reduction);
        BufferPool.Shared.Return(losses);
        if (ShouldRecord(logits))
        {
            y.SetOp(new CrossEntropyOp(logits, classes, rows, probabilities, reduction, labelSmoothing));
        }
        else
        {
            BufferPool.Shared.Return(probabilities);
            ArrayPool<int>.Shared.Return(classes);
        }
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        if (_probabilities is not { } saved || _targets is not { } classes)
            throw new InvalidOperationException("CrossEntropy: backward after its saved probabilities were released");
        var rowGradients = BufferPool.Shared.Rent(rows, clear: false);
        LossTargets.RowGradients(outputGrad, reduction, rowGradients);
        var logits = Inputs[0];
        CrossEntropyKernels.Backward(saved, classes.AsSpan(0, rows), logits.Shape[-1], labelSmoothing, rowGradients, logits.GradForAccumulation());
        BufferPool.Shared.Return(rowGradients);
    }

    public override void ReleaseSaved()
    {
        if (_probabilities is { } saved) BufferPool.Shared.Return(saved);
        if (_targets is { } classes) ArrayPool<int>.Shared.Return(classes);
        _probabilities = null;
        _targets = null;
    }
}
