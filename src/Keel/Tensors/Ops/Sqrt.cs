using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise square root (NaN below 0, as <c>torch.sqrt</c>).</summary>
    public Tensor Sqrt() => SqrtOp.Forward(this);
}

/// <summary><c>y = √x</c>; <c>∂L/∂x = ∂L/∂y / (2y)</c> (∞ at 0, as PyTorch).</summary>
internal sealed class SqrtOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Sqrt";

    public static Tensor Forward(Tensor x) => Map(x, SqrtKernels.Forward, static x => new SqrtOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => SqrtKernels.Backward(output.Data, outputGrad, X.GradForAccumulation());
}
