using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Negative log-likelihood of class indices <c>[N]</c> under log-probabilities <c>[N, C]</c>
/// (classes last): <c>ℓ = −input[n, target[n]]</c>, PyTorch's <c>nn.NLLLoss</c>. Apply it after a
/// log-softmax; on raw logits use <see cref="CrossEntropyLoss"/>.
/// </summary>
public sealed class NllLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor target) => input.NllLoss(target, Reduction);
}
