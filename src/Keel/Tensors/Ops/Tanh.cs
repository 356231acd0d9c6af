using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise hyperbolic tangent.</summary>
    public Tensor Tanh() => TanhOp.Forward(this);
}

/// <summary><c>y = tanh(x)</c>; <c>∂L/∂x = ∂L/∂y · (1 − y²)</c>.</summary>
internal sealed class TanhOp(Tensor x) : UnaryOp(x)
{
    public override string Name => "Tanh";

    public static Tensor Forward(Tensor x) => Map(x, TanhKernels.Forward, static x => new TanhOp(x));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var dx = X.GradForOverwrite(out bool accumulate);
        if (accumulate) TanhKernels.Backward(output.Data, outputGrad, dx);
        else TanhKernels.BackwardInto(output.Data, outputGrad, dx);
    }
}
