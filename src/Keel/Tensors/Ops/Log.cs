using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise natural logarithm (NaN below 0, −∞ at 0, as <c>torch.log</c>).</summary>
    public Tensor Log() => LogOp.Forward(this);
}

/// <summary><c>y = ln x</c>; <c>∂L/∂x = ∂L/∂y / x</c>.</summary>
internal sealed class LogOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Log";

    public static Tensor Forward(Tensor x) => Map(x, LogKernels.Forward, static x => new LogOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => LogKernels.Backward(X.Data, outputGrad, X.GradForAccumulation());
}
