using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Binary cross-entropy on logits x against targets y in [0, 1], PyTorch's
/// <c>nn.BCEWithLogitsLoss</c> and Keras' <c>BinaryCrossentropy(from_logits=True)</c>:
/// <c>ℓ = −y·log σ(x) − (1 − y)·log(1 − σ(x))</c>; gradient <c>σ(x) − y</c>.
/// </summary>
/// <remarks>
/// Evaluated stably as <c>max(x, 0) − x·y + log(1 + e^{−|x|})</c>, written
/// <c>½x + ½|x| + log(1 + e^{−|x|}) − x·y</c> so that the gradient at x = 0 is exactly ½ − y
/// (the |x| terms have zero slope there). No <c>pos_weight</c>. Shapes must match.
/// </remarks>
public sealed class BceWithLogitsLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var absolute = input.Abs();
        var softplusOfMinusAbs = ((-absolute).Exp() + 1f).Log();
        return Reduce(input * 0.5f + absolute * 0.5f + softplusOfMinusAbs - input * target);
    }
}
