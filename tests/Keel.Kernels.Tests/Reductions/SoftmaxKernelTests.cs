using Keel.Kernels.Reductions;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Kernels.Tests.Reductions;

public sealed class SoftmaxKernelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rows_of_every_length_match_the_definition(bool log)
    {
        var generator = new Generator(3);
        for (int n = 0; n <= KernelHarness.MaxLength; n++)
        {
            // Two rows (contiguous path) and, through inner = 2, the strided path over the same lengths.
            foreach (var (outer, inner) in new[] { (2, 1), (1, 2) })
            {
                int size = outer * n * inner;
                var x = KernelHarness.Buffer(size, generator, g => 4f * g.NextNormal());
                var y = KernelHarness.Buffer(size, generator, _ => float.NaN);
                SoftmaxKernels.Forward(KernelHarness.Inside(x, size), KernelHarness.Inside(y, size), outer, n, inner, log);
                var expected = Reference(KernelHarness.Inside(x, size).ToArray(), outer, n, inner, log);
                GradCheck.AssertClose($"length {n}, inner {inner}", KernelHarness.Inside(y, size).ToArray(), expected, 1e-6, 1e-5);
                KernelHarness.AssertSentinels(y, size, "y");

                var dy = KernelHarness.Buffer(size, generator, g => g.NextNormal());
                var dx = KernelHarness.Buffer(size, generator, g => g.NextNormal());
                var expectedDx = BackwardReference(KernelHarness.Inside(y, size).ToArray(), KernelHarness.Inside(dy, size).ToArray(), KernelHarness.Inside(dx, size).ToArray(), outer, n, inner, log);
                SoftmaxKernels.Backward(KernelHarness.Inside(y, size), KernelHarness.Inside(dy, size), KernelHarness.Inside(dx, size), outer, n, inner, log);
                GradCheck.AssertClose($"backward length {n}, inner {inner}", KernelHarness.Inside(dx, size).ToArray(), expectedDx, 1e-5, 1e-5);
                KernelHarness.AssertSentinels(dx, size, "dx");
            }
        }
    }

    [Fact]
    public void A_layout_that_does_not_match_the_lengths_is_rejected()
    {
        Assert.StartsWith("SoftmaxForward: layout [2, 3, 1] does not match lengths 5 and 5", Assert.Throws<ArgumentException>(() => SoftmaxKernels.Forward(new float[5], new float[5], 2, 3, 1, false)).Message);
        Assert.StartsWith("SoftmaxBackward: layout [1, 3, 1] does not match lengths 3 and 2", Assert.Throws<ArgumentException>(() => SoftmaxKernels.Backward(new float[3], new float[2], new float[3], 1, 3, 1, false)).Message);
        Assert.StartsWith("SoftmaxBackward: dx has length 4", Assert.Throws<ArgumentException>(() => SoftmaxKernels.Backward(new float[3], new float[3], new float[4], 1, 3, 1, true)).Message);
    }

    private static double[] Reference(float[] x, int outer, int n, int inner, bool log)
    {
        var y = new double[x.Length];
        ForEachSlice(outer, n, inner, at =>
        {
            double max = at.Max(j => (double)x[j]), sum = at.Sum(j => Math.Exp(x[j] - max));
            foreach (var j in at) y[j] = log ? x[j] - max - Math.Log(sum) : Math.Exp(x[j] - max) / sum;
        });
        return y;
    }

    private static double[] BackwardReference(float[] y, float[] dy, float[] dx, int outer, int n, int inner, bool log)
    {
        var result = dx.Select(v => (double)v).ToArray();
        ForEachSlice(outer, n, inner, at =>
        {
            double dot = log ? at.Sum(j => (double)dy[j]) : at.Sum(j => (double)dy[j] * y[j]);
            foreach (var j in at) result[j] += log ? dy[j] - Math.Exp(y[j]) * dot : y[j] * (dy[j] - dot);
        });
        return result;
    }

    private static void ForEachSlice(int outer, int n, int inner, Action<int[]> slice)
    {
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner && n > 0; i++) slice(Enumerable.Range(0, n).Select(j => (o * n + j) * inner + i).ToArray());
        }
    }
}
