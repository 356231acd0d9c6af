using System.Buffers;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Negative log-likelihood of integer class <paramref name="targets"/> under these
    /// log-probabilities (<c>[N, C]</c> or <c>[..., C]</c>, classes last), as
    /// <c>torch.nn.functional.nll_loss</c>: <c>ℓᵢ = −x[i, tᵢ]</c>, then the mean (default), sum or none.
    /// </summary>
    /// <remarks>
    /// <c>x.LogSoftmax().NllLoss(t)</c> equals <c>x.CrossEntropy(t)</c>. Unlike PyTorch the class
    /// axis is the last one, and there are no class weights or <c>ignore_index</c>.
    /// </remarks>
    public Tensor NllLoss(Tensor targets, Reduction reduction = Reduction.Mean) => NllLossOp.Forward(this, targets, reduction);
}

/// <summary><c>ℓᵢ = −x[i, tᵢ]</c>; <c>∂L/∂x[i, tᵢ] −= gᵢ</c> (<c>gᵢ = ∂L/∂ℓ / N</c> for the mean), zero elsewhere.</summary>
internal sealed class NllLossOp(Tensor input, int[] targets, int rows, Reduction reduction) : Op(input)
{
    private int[]? _targets = targets;

    public override string Name => "NllLoss";

    public static Tensor Forward(Tensor input, Tensor targets, Reduction reduction)
    {
        var classes = LossTargets.RentClasses("NllLoss", input, targets);
        int c = input.Shape[-1], rows = targets.Size;
        ReadOnlySpan<float> x = input.Data;
        var losses = BufferPool.Shared.Rent(rows, clear: false);
        for (int i = 0; i < rows; i++) losses[i] = -x[i * c + classes[i]];
        var y = LossTargets.Reduce(losses, targets.Shape, reduction);
        BufferPool.Shared.Return(losses);
        if (ShouldRecord(input)) y.SetOp(new NllLossOp(input, classes, rows, reduction));
        else ArrayPool<int>.Shared.Return(classes);
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var classes = _targets ?? throw new InvalidOperationException("NllLoss: backward after its saved targets were released");
        var rowGradients = BufferPool.Shared.Rent(rows, clear: false);
        LossTargets.RowGradients(outputGrad, reduction, rowGradients);
        var dx = Inputs[0].GradForAccumulation();
        int c = Inputs[0].Shape[-1];
        for (int i = 0; i < rows; i++) dx[i * c + classes[i]] -= rowGradients[i];
        BufferPool.Shared.Return(rowGradients);
    }

    public override void ReleaseSaved()
    {
        if (_targets is { } saved) ArrayPool<int>.Shared.Return(saved);
        _targets = null;
    }
}
