using Keel.Kernels.Elementwise;

namespace Keel.Kernels.Tests.Elementwise;

/// <summary>The single-precision tanh against <see cref="Math.Tanh"/> across its whole range, and its edge values.</summary>
public sealed class TanhKernelTests
{
    [Fact]
    public void Dense_sweep_stays_within_three_tenths_of_a_millionth_relative()
    {
        // Every 1/4096 from −12 to 12: both branches, the 0.625 switch and the saturation at ±9.
        var x = new float[24 * 4096 + 1];
        for (int i = 0; i < x.Length; i++) x[i] = -12f + i / 4096f;
        var y = new float[x.Length];
        TanhKernels.Forward(x, y);

        double worst = 0;
        float worstAt = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double exact = Math.Tanh(x[i]);
            double error = Math.Abs(y[i] - exact) / Math.Max(Math.Abs(exact), 1e-30);
            if (x[i] == 0) error = Math.Abs(y[i]);
            if (error > worst) (worst, worstAt) = (error, x[i]);
        }
        Assert.True(worst <= 3e-7, $"relative error {worst:E2} at x = {worstAt:R}");
    }

    [Theory]
    [InlineData(1e-30f)]
    [InlineData(1e-40f)] // subnormal
    [InlineData(3e-4f)]
    [InlineData(0.625f)]
    [InlineData(0.62500006f)]
    [InlineData(8.9f)]
    [InlineData(9.5f)]
    [InlineData(44f)]
    [InlineData(1e30f)]
    public void Is_odd_and_accurate_at(float value)
    {
        var y = new float[2];
        TanhKernels.Forward([value, -value], y);
        double exact = Math.Tanh(value);
        Assert.True(Math.Abs(y[0] - exact) <= 3e-7 * Math.Abs(exact), $"tanh({value:R}) = {y[0]:R}, exactly {exact:R}");
        Assert.Equal(-y[0], y[1]);
    }

    [Fact]
    public void Keeps_signed_zeros_infinities_and_nan()
    {
        var y = new float[5];
        TanhKernels.Forward([0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN], y);
        Assert.Equal(0f, y[0]);
        Assert.False(float.IsNegative(y[0]));
        Assert.True(float.IsNegative(y[1]) && y[1] == 0f, $"tanh(-0) = {y[1]:R}");
        Assert.Equal(1f, y[2]);
        Assert.Equal(-1f, y[3]);
        Assert.True(float.IsNaN(y[4]));
    }

    [Fact]
    public void Backward_into_overwrites_with_what_backward_adds_to_zeros()
    {
        var random = new Random(3);
        var y = new float[45];
        var dy = new float[45];
        for (int i = 0; i < y.Length; i++) (y[i], dy[i]) = ((float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 4 - 2));
        var added = new float[45];
        var written = new float[45];
        Array.Fill(written, float.NaN);
        TanhKernels.Backward(y, dy, added);
        TanhKernels.BackwardInto(y, dy, written);
        Assert.Equal(added, written);
    }

    [Fact]
    public void An_element_gets_the_same_bits_wherever_it_sits()
    {
        // Lengths that end in every tail size, so elements go through both the vector loop and the padded tail.
        var random = new Random(7);
        var x = new float[37];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 8 - 4);
        var whole = new float[x.Length];
        TanhKernels.Forward(x, whole);
        for (int start = 0; start < 9; start++)
        {
            for (int length = 1; start + length <= x.Length; length += 3)
            {
                var part = new float[length];
                TanhKernels.Forward(x.AsSpan(start, length), part);
                Assert.Equal(whole.AsSpan(start, length).ToArray(), part);
            }
        }
    }
}
