using Keel.Tensors;

namespace Keel.Nn;

/// <summary>Mean absolute error, <c>ℓᵢ = |xᵢ − yᵢ|</c>: PyTorch's <c>nn.L1Loss</c>, Keras' <c>MeanAbsoluteError</c>.</summary>
/// <remarks>The gradient at a zero difference is 0, as in PyTorch. Shapes must match.</remarks>
public sealed class MaeLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        return Reduce((input - target).Abs());
    }
}
