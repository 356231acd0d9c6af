using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Elementwise <c>min(max(x, min), max)</c>, as <c>torch.clamp</c>: either bound may be left out;
    /// when min &gt; max every value becomes max. The gradient passes where <c>min ≤ x ≤ max</c>
    /// (edges included, as PyTorch) and is 0 elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">Both bounds are missing, or one is NaN.</exception>
    public Tensor Clamp(float? min = null, float? max = null) => ClampOp.Forward(this, min, max);
}

/// <summary><c>y = min(max(x, lo), hi)</c>; <c>∂L/∂x = ∂L/∂y</c> where <c>lo ≤ x ≤ hi</c>, else 0.</summary>
internal sealed class ClampOp(Tensor x, float min, float max) : UnaryOp(x)
{
    public override string Name => "Clamp";

    public static Tensor Forward(Tensor x, float? min, float? max)
    {
        if (min is null && max is null) throw new ArgumentException("Clamp: give at least one of min and max");
        if (float.IsNaN(min ?? 0f) || float.IsNaN(max ?? 0f)) throw new ArgumentException($"Clamp: bounds must not be NaN, got min {min}, max {max}");
        float lo = min ?? float.NegativeInfinity, hi = max ?? float.PositiveInfinity;
        return Map(x, (v, y) => ClampKernels.Forward(v, lo, hi, y), x => new ClampOp(x, lo, hi));
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => ClampKernels.Backward(X.Data, min, max, outputGrad, X.GradForAccumulation());
}
