using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Keel.Kernels.Threading;

namespace Keel.Kernels.Elementwise;

/// <summary>The hyperbolic tangent and its derivative.</summary>
public static class TanhKernels
{
    /// <summary><c>y[i] = tanh(x[i])</c>, within about 2·10⁻⁷ relative error, eight elements at a time.</summary>
    /// <remarks>
    /// Cephes <c>tanhf</c> (Moshier, 1992), in single precision throughout:
    /// <code>
    /// |x| ≤ 0.625:  tanh x = x + x·s·P(s),  s = x²,
    ///               P(s) = (((−5.70498872745e−3·s + 2.06390887954e−2)·s − 5.37397155531e−2)·s
    ///                       + 1.33314422036e−1)·s − 3.33332819422e−1
    /// |x| > 0.625:  tanh x = sign(x) · (1 − 2 / (e^{2|x|} + 1)),   |x| clamped to 10 (tanh = ±1 in float beyond 9)
    /// </code>
    /// with <c>e^t</c> from Cephes <c>expf</c> (<see cref="SingleExp"/>). Both branches are
    /// computed on |x| and blended per lane, then x's sign is put back (so tanh(−0) = −0); NaN stays
    /// NaN and ±∞ gives ±1. The last <c>length mod 8</c> elements go through the same vector code on
    /// a padded copy, so every element gets the same arithmetic wherever it sits, and long inputs are
    /// split between threads (<see cref="ParallelChunks"/>) without changing a bit. About 1.6 times
    /// as fast as <c>TensorPrimitives.Tanh</c> (6,400 values on a Zen 2 core), which evaluates its
    /// exponential in double precision.
    /// </remarks>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        Lengths.Check("TanhForward", x.Length, y.Length);
        int chunks = ParallelChunks.ChunksFor(x.Length);
        if (chunks > 1) ForwardInChunks(x, y, chunks);
        else ForwardRange(x, y);
    }

    // Apart from Forward so that the closure is only allocated when threads are used.
    private static unsafe void ForwardInChunks(ReadOnlySpan<float> x, Span<float> y, int chunks)
    {
        fixed (float* px = x, py = y)
        {
            nint xs = (nint)px, ys = (nint)py;
            ParallelChunks.Run(x.Length, chunks, (start, end) =>
                ForwardRange(new ReadOnlySpan<float>((float*)xs + start, end - start), new Span<float>((float*)ys + start, end - start)));
        }
    }

    private static void ForwardRange(ReadOnlySpan<float> x, Span<float> y)
    {
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float ys = ref MemoryMarshal.GetReference(y);
        int i = 0;
        for (; i + Vector256<float>.Count <= x.Length; i += Vector256<float>.Count)
        {
            Tanh(Vector256.LoadUnsafe(ref xs, (nuint)i)).StoreUnsafe(ref ys, (nuint)i);
        }

        int rest = x.Length - i;
        if (rest == 0) return;
        Span<float> padded = stackalloc float[Vector256<float>.Count];
        padded.Clear();
        x[i..].CopyTo(padded);
        var tail = Tanh(Vector256.Create<float>(padded));
        tail.CopyTo(padded);
        padded[..rest].CopyTo(y[i..]);
    }

    /// <summary>Tanh backward from its output, accumulating: <c>dx[i] += dy[i] · (1 − y[i]²)</c>.</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Accumulate("TanhBackward", default(Rule), y, dy, dx);

    /// <summary>Tanh backward from its output, overwriting: <c>dx[i] = dy[i] · (1 − y[i]²)</c>.</summary>
    public static void BackwardInto(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        => GradientLoop.Assign("TanhBackward", default(Rule), y, dy, dx);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Tanh(Vector256<float> x)
    {
        var sign = Vector256.Create(-0f);
        var magnitude = Vector256.AndNot(x, sign);

        var s = magnitude * magnitude;
        var p = Vector256.FusedMultiplyAdd(Vector256.Create(-5.70498872745e-3f), s, Vector256.Create(2.06390887954e-2f));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(-5.37397155531e-2f));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(1.33314422036e-1f));
        p = Vector256.FusedMultiplyAdd(p, s, Vector256.Create(-3.33332819422e-1f));
        var small = Vector256.FusedMultiplyAdd(p * s, magnitude, magnitude);

        var e = SingleExp.InRange(Vector256.Min(magnitude + magnitude, Vector256.Create(20f)));
        var large = Vector256<float>.One - Vector256.Create(2f) / (e + Vector256<float>.One);

        var result = Vector256.ConditionalSelect(Vector256.GreaterThan(magnitude, Vector256.Create(0.625f)), large, small) | (x & sign);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    private readonly struct Rule : IGradientRule
    {
        public float Scalar(float y, float dy) => dy * (1f - y * y);

        public Vector<float> Vector(Vector<float> y, Vector<float> dy) => dy * (Vector<float>.One - y * y);
    }
}
