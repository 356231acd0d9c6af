using Keel.Tensors;

namespace Keel.Nn;

/// <summary><c>y = x</c> for x &gt; 0, <c>α·(eˣ − 1)</c> otherwise (Clevert et al., 2016): PyTorch's <c>nn.ELU</c>, α = 1 by default.</summary>
public sealed class Elu(float alpha = 1f) : Module
{
    /// <summary>The saturation value for negative inputs is −α.</summary>
    public float Alpha { get; } = alpha;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => input.Elu(Alpha);

    /// <inheritdoc />
    public override string ToString() => $"ELU({Alpha})";
}
