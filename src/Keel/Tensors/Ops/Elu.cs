using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Exponential linear unit (Clevert et al., 2016), as <c>torch.nn.functional.elu</c>:
    /// <c>x &gt; 0 ? x : α (eˣ − 1)</c>, default α = 1 (Keras' default too).
    /// </summary>
    public Tensor Elu(float alpha = 1f) => EluOp.Forward(this, alpha, 1f, "Elu");

    /// <summary>
    /// Scaled ELU (Klambauer et al., 2017), as <c>torch.nn.functional.selu</c> and Keras:
    /// <c>λ · (x &gt; 0 ? x : α (eˣ − 1))</c> with α = 1.6732632423543772 and λ = 1.0507009873554805.
    /// </summary>
    public Tensor Selu() => EluOp.Forward(this, EluOp.SeluAlpha, EluOp.SeluScale, "Selu");
}

/// <summary>
/// <c>y = λ · (x &gt; 0 ? x : α (eˣ − 1))</c>; <c>∂L/∂x = ∂L/∂y · λ · (x &gt; 0 ? 1 : α eˣ)</c>
/// (λ = 1 for ELU).
/// </summary>
internal sealed class EluOp(Tensor x, float alpha, float scale, string name) : UnaryOp(x)
{
    /// <summary>SELU's α and λ, PyTorch's constants.</summary>
    public const float SeluAlpha = 1.6732632423543772848170429916717f, SeluScale = 1.0507009873554804934193349852946f;

    public override string Name => name;

    public static Tensor Forward(Tensor x, float alpha, float scale, string name)
        => Map(x, (v, y) => EluKernels.Forward(v, alpha, scale, y), x => new EluOp(x, alpha, scale, name));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => EluKernels.Backward(X.Data, alpha, scale, outputGrad, X.GradForAccumulation());
}
