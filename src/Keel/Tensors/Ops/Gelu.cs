using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

/// <summary>Which form of GELU to compute, as PyTorch's <c>approximate</c> argument.</summary>
public enum GeluApproximation
{
    /// <summary>The exact <c>x · Φ(x)</c> with the normal CDF (PyTorch's default <c>'none'</c>).</summary>
    None,

    /// <summary><c>½ x (1 + tanh(√(2/π)(x + 0.044715 x³)))</c> (PyTorch's <c>'tanh'</c>, Keras' <c>approximate=True</c>).</summary>
    Tanh,
}

public partial class Tensor
{
    /// <summary>
    /// Gaussian error linear unit (Hendrycks and Gimpel, 2016), as <c>torch.nn.functional.gelu</c>:
    /// exact <c>x · Φ(x) = ½ x (1 + erf(x / √2))</c> by default, or the tanh approximation.
    /// Keras' <c>gelu(x, approximate)</c> offers the same two forms.
    /// </summary>
    public Tensor Gelu(GeluApproximation approximate = GeluApproximation.None) => GeluOp.Forward(this, approximate == GeluApproximation.Tanh);
}

/// <summary>
/// <c>y = x · Φ(x)</c>; <c>∂L/∂x = ∂L/∂y · (Φ(x) + x φ(x))</c>, or the derivative of the tanh form
/// (see <see cref="GeluKernels.Backward"/>).
/// </summary>
internal sealed class GeluOp(Tensor x, bool tanh) : UnaryOp(x)
{
    public override string Name => "Gelu";

    public static Tensor Forward(Tensor x, bool tanh)
        => Map(x, (v, y) => GeluKernels.Forward(v, y, tanh), x => new GeluOp(x, tanh));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => GeluKernels.Backward(X.Data, outputGrad, X.GradForAccumulation(), tanh);
}
