using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise <c>eˣ</c>.</summary>
    public Tensor Exp() => ExpOp.Forward(this);
}

/// <summary><c>y = eˣ</c>; <c>∂L/∂x = ∂L/∂y · y</c>.</summary>
internal sealed class ExpOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Exp";

    public static Tensor Forward(Tensor x) => Map(x, ExpKernels.Forward, static x => new ExpOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => ExpKernels.Backward(output.Data, outputGrad, X.GradForAccumulation());
}
