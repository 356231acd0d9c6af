using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Scaled ELU (Klambauer et al., 2017), PyTorch's <c>nn.SELU</c>: <c>λ·x</c> for x &gt; 0,
/// <c>λ·α·(eˣ − 1)</c> otherwise, with α ≈ 1.6733 and λ ≈ 1.0507. Self-normalizing with LeCun
/// normal initialization (PyTorch's gain table gives 3/4 for selu).
/// </summary>
public sealed class Selu : Module
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Selu();

    /// <inheritdoc />
    public override string ToString() => "SELU";
}
