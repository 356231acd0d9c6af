using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// One minibatch: features <c>[B, …]</c> and targets <c>[B]</c> or <c>[B, …]</c>. The tensors belong
/// to the batch source that produced them and are overwritten by its next batch: read them, do not
/// dispose or keep them.
/// </summary>
/// <param name="Features">The examples' features.</param>
/// <param name="Targets">The examples' targets.</param>
public readonly record struct Batch(Tensor Features, Tensor Targets)
{
    /// <summary>Number of examples B.</summary>
    public int Count => Features.Shape[0];
}
