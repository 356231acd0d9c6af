using Keel.Tensors;

namespace Keel.Nn;

/// <summary>Mean squared error, <c>ℓᵢ = (xᵢ − yᵢ)²</c>: PyTorch's <c>nn.MSELoss</c>, Keras' <c>MeanSquaredError</c>.</summary>
/// <remarks>Prediction and target must have the same shape (PyTorch broadcasts with a warning; Keel refuses).</remarks>
public sealed class MseLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var difference = input - target;
        return Reduce(difference * difference);
    }
}
