using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise logistic sigmoid <c>1 / (1 + e⁻ˣ)</c>.</summary>
    public Tensor Sigmoid() => SigmoidOp.Forward(this);
}

/// <summary><c>y = 1 / (1 + e⁻ˣ)</c>; <c>∂L/∂x = ∂L/∂y · y (1 − y)</c>.</summary>
internal sealed class SigmoidOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Sigmoid";

    public static Tensor Forward(Tensor x) => Map(x, SigmoidKernels.Forward, static x => new SigmoidOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => SigmoidKernels.Backward(output.Data, outputGrad, X.GradForAccumulation());
}
