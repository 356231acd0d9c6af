using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise absolute value; its gradient at 0 is 0, as in PyTorch.</summary>
    public Tensor Abs() => AbsOp.Forward(this);
}

/// <summary><c>y = |x|</c>; <c>∂L/∂x = ∂L/∂y · sign(x)</c> with sign(0) = 0.</summary>
internal sealed class AbsOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Abs";

    public static Tensor Forward(Tensor x) => Map(x, AbsKernels.Forward, static x => new AbsOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => AbsKernels.Backward(X.Data, outputGrad, X.GradForAccumulation());
}
