using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Elementwise <c>x &gt; 0 ? x : negativeSlope · x</c>, as <c>torch.nn.functional.leaky_relu</c>
    /// (default slope 0.01; Keras' <c>LeakyReLU</c> defaults to 0.3). The gradient at 0 is the slope.
    /// </summary>
    public Tensor LeakyRelu(float negativeSlope = 0.01f) => LeakyReluOp.Forward(this, negativeSlope);
}

/// <summary><c>y = x &gt; 0 ? x : s · x</c>; <c>∂L/∂x = ∂L/∂y · (x &gt; 0 ? 1 : s)</c>.</summary>
internal sealed class LeakyReluOp(Tensor x, float negativeSlope) : UnaryOp(x)
{
    public override string Name => "LeakyRelu";

    public static Tensor Forward(Tensor x, float negativeSlope) => Map(x, (v, y) => ReluKernels.LeakyForward(v, negativeSlope, y), x => new LeakyReluOp(x, negativeSlope));

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => ReluKernels.LeakyBackward(X.Data, negativeSlope, outputGrad, X.GradForAccumulation());
}
