using System.Numerics;
using System.Numerics.Tensors;

namespace Keel.Kernels.Elementwise;

/// <summary>The absolute value and its derivative.</summary>
public static class AbsKernels
{
    /// <summary><c>y[i] = |x[i]|</c>.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("AbsForward", x.Length, y.Length);
        TensorPrimitives.Abs(x, y);
    }

    /// <summary>Abs backward, accumulating: <c>dx[i] += dy[i] · sign(x[i])</c>, with sign(0) = 0 as PyTorch.</summary>
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("AbsBackward", default(Rule), x, dy, dx);

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float x, float dy) => x > 0f ? dy : x < 0f ? -dy : 0f;

        public Vector<float> Vector(Vector<float> x, Vector<float> dy)
            => System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.GreaterThan(x, Vector<float>.Zero), dy,
                System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.LessThan(x, Vector<float>.Zero), -dy, Vector<float>.Zero));
    }
}
