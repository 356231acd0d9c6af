using Keel.Kernels.Elementwise;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Kernels.Tests.Elementwise;

public sealed class TransposeKernelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_shape_up_to_256_elements_matches_an_index_loop(bool accumulate)
    {
        var generator = new Generator(11);
        for (int rows = 0; rows <= 70; rows += rows < 8 ? 1 : 13)
        {
            for (int cols = 0; cols <= 256 / Math.Max(1, rows); cols += cols < 8 ? 1 : 7)
            {
                int size = rows * cols;
                var x = KernelHarness.Buffer(size, generator, g => g.NextNormal());
                var y = KernelHarness.Buffer(size, generator, g => g.NextNormal());
                var expected = KernelHarness.Inside(y, size).ToArray().Select(v => accumulate ? v : 0f).ToArray();
                for (int i = 0; i < rows; i++)
                {
                    for (int j = 0; j < cols; j++) expected[j * rows + i] += x[3 + i * cols + j];
                }
                TransposeKernels.Transpose(KernelHarness.Inside(x, size), KernelHarness.Inside(y, size), rows, cols, accumulate);
                Assert.Equal(expected, KernelHarness.Inside(y, size).ToArray());
                KernelHarness.AssertSentinels(y, size, "y");
            }
        }
    }

    [Fact]
    public void A_shape_that_does_not_match_the_lengths_is_rejected()
        => Assert.StartsWith("Transpose: a [2, 3] matrix does not match lengths 6 and 5",
            Assert.Throws<ArgumentException>(() => TransposeKernels.Transpose(new float[6], new float[5], 2, 3, false)).Message);
}
