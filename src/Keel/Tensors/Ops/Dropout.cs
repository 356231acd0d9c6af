using System.Numerics.Tensors;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Inverted dropout, like PyTorch's <c>F.dropout</c>: in training each element is zeroed with
    /// probability <paramref name="p"/> and the kept ones are scaled by <c>1/(1 − p)</c>; otherwise
    /// the input itself is returned. See <see cref="DropoutOp"/>.
    /// </summary>
    /// <param name="p">Probability of dropping an element, in [0, 1].</param>
    /// <param name="training">Drop (true) or pass the input through unchanged (false).</param>
    /// <param name="generator">The source of the drop decisions.</param>
    public Tensor Dropout(float p, bool training, Generator generator) => DropoutOp.Forward(this, p, training, generator);
}

/// <summary>
/// Inverted dropout (Srivastava et al., 2014, scaled at training time as in PyTorch and Keras):
/// <c>mᵢ = 1/(1 − p)</c> with probability 1 − p, else 0; <c>y = m ⊙ x</c>; <c>∂L/∂x = m ⊙ ∂L/∂y</c>.
/// </summary>
/// <remarks>
/// Element i is kept when the generator's i-th uniform draw u ∈ [0, 1) satisfies <c>u ≥ p</c>, so
/// a seed fixes the mask. <c>p = 1</c> drops everything (zeros, as PyTorch); <c>p = 0</c> and eval
/// mode return the input itself, drawing nothing.
/// </remarks>
internal sealed class DropoutOp(Tensor x, float[] mask) : Op(x)
{
    private float[]? _mask = mask;

    public override string Name => "Dropout";

    public static Tensor Forward(Tensor x, float p, bool training, Generator generator)
    {
        if (!(p >= 0f && p <= 1f)) throw new ArgumentException($"Dropout: probability must be in [0, 1], got {p}");
        if (!training || p == 0f) return x;
        float keptScale = p == 1f ? 0f : 1f / (1f - p);
        var mask = BufferPool.Shared.Rent(x.Size, clear: false);
        var m = mask.AsSpan(0, x.Size);
        for (int i = 0; i < m.Length; i++) m[i] = generator.NextFloat() >= p ? keptScale : 0f;
        var y = Tensor.Pooled(x.Shape, clear: false);
        TensorPrimitives.Multiply(x.Data, m, y.Data);
        if (ShouldRecord(x)) y.SetOp(new DropoutOp(x, mask));
        else BufferPool.Shared.Return(mask);
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        if (_mask is null) throw new InvalidOperationException("Dropout backward after its mask was released");
        var dx = Inputs[0].GradForAccumulation();
        TensorPrimitives.MultiplyAdd(outputGrad, _mask.AsSpan(0, dx.Length), dx, dx);
    }

    public override void ReleaseSaved()
    {
        if (_mask is { } mask) BufferPool.Shared.Return(mask);
        _mask = null;
    }
}
