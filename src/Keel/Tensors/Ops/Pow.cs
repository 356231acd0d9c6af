using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise <c>xᵖ</c> for a constant exponent (NaN for a negative base and a fractional p, as <c>torch.pow</c>).</summary>
    public Tensor Pow(float exponent) => PowOp.Forward(this, exponent);
}

/// <summary><c>y = xᵖ</c>; <c>∂L/∂x = ∂L/∂y · p · xᵖ⁻¹</c> (0 when p = 0, as PyTorch).</summary>
internal sealed class PowOp(Tensor x, float exponent) : UnaryOp(x)
{
    public override string Name => "Pow";

    public static Tensor Forward(Tensor x, float exponent) => Map(x, (v, y) => PowKernels.Forward(v, exponent, y), x => new PowOp(x, exponent));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => PowKernels.Backward(X.Data, exponent, outputGrad, X.GradForAccumulation());
}
