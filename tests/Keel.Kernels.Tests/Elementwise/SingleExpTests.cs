using System.Runtime.Intrinsics;
using Keel.Kernels.Elementwise;

namespace Keel.Kernels.Tests.Elementwise;

public sealed class SingleExpTests
{
    [Fact]
    public void Matches_the_double_precision_exponential_within_one_ulp()
    {
        double worst = 0;
        for (float t = -87.3f; t <= 88.3f; t += 0.00371f)
        {
            float e = SingleExp.InRange(Vector256.Create(t)).ToScalar();
            double exact = Math.Exp(t);
            double ulp = MathF.BitIncrement((float)exact) - (float)exact;
            worst = Math.Max(worst, Math.Abs(e - exact) / ulp);
        }
        Assert.True(worst <= 1, $"worst error {worst:F2} ulp");
    }

    [Fact]
    public void Non_positive_arguments_flush_tiny_results_to_zero_and_keep_nan()
    {
        var t = Vector256.Create(0f, -1f, -87.3f, -87.4f, -1000f, float.NegativeInfinity, float.NaN, -0f);
        var e = SingleExp.NonPositive(t);
        Assert.Equal(1f, e[0]);
        Assert.Equal(MathF.Exp(-1f), e[1], 1e-7f);
        Assert.Equal(Math.Exp(-87.3f), e[2], Math.Exp(-87.3f) * 2.4e-7);
        Assert.Equal(0f, e[3]);
        Assert.Equal(0f, e[4]);
        Assert.Equal(0f, e[5]);
        Assert.True(float.IsNaN(e[6]));
        Assert.Equal(1f, e[7]);
    }
}
