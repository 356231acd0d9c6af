using Keel.Tensors.Graph;

namespace Keel.Tensors;

/// <summary>A kernel that maps a span to a span of the same length.</summary>
internal delegate void SpanMap(ReadOnlySpan<float> x, Span<float> y);

/// <summary>
/// The shared part of the elementwise ops: the output has the input's shape, the forward kernel
/// fills it, and the op is recorded when the input requires grad.
/// </summary>
internal abstract class UnaryOp(Tensor x) : Op(x)
{
    /// <summary>The input.</summary>
    protected Tensor X => Inputs[0];

    /// <summary>Runs <paramref name="forward"/> into a new pooled tensor and records <paramref name="create"/>'s op when needed.</summary>
    protected static Tensor Map(Tensor x, SpanMap forward, Func<Tensor, UnaryOp> create)
    {
        var y = Tensor.Pooled(x.Shape, clear: false);
        forward(x.Data, y.Data);
        if (ShouldRecord(x)) y.SetOp(create(x));
        return y;
    }
}
