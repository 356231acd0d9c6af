using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// <c>yᵢ = e^{xᵢ} / Σⱼ e^{xⱼ}</c> along <c>axis</c> (default the last), PyTorch's <c>nn.Softmax</c>.
/// To train a classifier, give the logits to <see cref="Losses.CrossEntropy(Tensor, Tensor)"/>
/// instead: it fuses a stable log-softmax.
/// </summary>
public sealed class Softmax(int axis = -1) : Module
{
    /// <summary>The axis the probabilities sum to one along.</summary>
    public int Axis { get; } = axis;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Softmax(Axis);
}
