using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Keel.Kernels.Elementwise;

/// <summary>
/// <c>e^t</c> eight lanes at a time in single precision (Cephes <c>expf</c>, Moshier 1992), for the
/// kernels that need it inside a longer computation (tanh, softmax rows).
/// <c>TensorPrimitives.Exp</c> widens to double, which costs twice as much and is not needed there.
/// </summary>
internal static class SingleExp
{
    /// <summary>Below this the result would be subnormal: e^t &lt; 2⁻¹²⁶ = e^−87.34.</summary>
    public const float SmallestNormalExponent = -87.33654f;

    /// <summary>
    /// <c>e^t</c> for <c>t</c> in [−87.33, 88.37]; outside it the result is garbage, so callers clamp
    /// or select. Within 1 ulp of <c>Math.Exp</c> (0.98 at worst over the range); Q by Estrin's
    /// scheme, a shorter dependency chain than Horner's rule (tanh 4 % faster, with the same worst error).
    /// <code>
    /// n = ⌊t·log₂e + ½⌋,   r = t − n·C₁ − n·C₂   (C₁ + C₂ = ln 2, C₁ with few bits so n·C₁ is exact)
    /// e^t = 2ⁿ · (1 + r + r²·Q(r)),   Q(r) = ((((1.98757e−4·r + 1.39820e−3)·r + 8.33345e−3)·r
    ///                                        + 4.16658e−2)·r + 1.66667e−1)·r + 5.00000e−1
    /// </code>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> InRange(Vector256<float> t)
    {
        var n = Vector256.Floor(Vector256.FusedMultiplyAdd(t, Vector256.Create(1.44269504088896341f), Vector256.Create(0.5f)));
        var r = Vector256.FusedMultiplyAdd(n, Vector256.Create(-0.693359375f), t);
        r = Vector256.FusedMultiplyAdd(n, Vector256.Create(2.12194440e-4f), r);
        // Q by Estrin's scheme: three independent pairs, then two steps in r², a shorter chain than Horner's five.
        var r2 = r * r;
        var q01 = Vector256.FusedMultiplyAdd(Vector256.Create(1.6666665459e-1f), r, Vector256.Create(5.0000001201e-1f));
        var q23 = Vector256.FusedMultiplyAdd(Vector256.Create(8.3334519073e-3f), r, Vector256.Create(4.1665795894e-2f));
        var q45 = Vector256.FusedMultiplyAdd(Vector256.Create(1.9875691500e-4f), r, Vector256.Create(1.3981999507e-3f));
        var q = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(q45, r2, q23), r2, q01);
        var poly = Vector256.FusedMultiplyAdd(q, r2, r) + Vector256<float>.One;
        var scale = Vector256.ShiftLeft(Vector256.ConvertToInt32Native(n) + Vector256.Create(127), 23).AsSingle();
        return poly * scale;
    }

    /// <summary>
    /// <c>e^t</c> for <c>t ≤ 0</c>, including −∞: results below 2⁻¹²⁶ (t &lt; −87.34) are flushed
    /// to zero, and NaN stays NaN. For the shifted logits <c>x − max x</c> of a softmax.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NonPositive(Vector256<float> t)
    {
        var e = InRange(Vector256.Max(t, Vector256.Create(SmallestNormalExponent)));
        var nan = ~Vector256.Equals(t, t);
        return Vector256.ConditionalSelect(Vector256.LessThan(t, Vector256.Create(SmallestNormalExponent)), Vector256<float>.Zero, e) | (t & nan);
    }
}
