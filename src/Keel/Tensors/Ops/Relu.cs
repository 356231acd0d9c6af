using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise <c>max(x, 0)</c>; its gradient at 0 is 0, as in PyTorch.</summary>
    public Tensor Relu() => ReluOp.Forward(this);
}

/// <summary><c>y = max(x, 0)</c>; <c>∂L/∂x = ∂L/∂y</c> where x &gt; 0, else 0.</summary>
internal sealed class ReluOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Relu";

    public static Tensor Forward(Tensor x) => Map(x, ReluKernels.Forward, static x => new ReluOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => ReluKernels.Backward(X.Data, outputGrad, X.GradForAccumulation());
}
