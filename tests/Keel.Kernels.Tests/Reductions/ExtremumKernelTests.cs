using Keel.Kernels.Broadcasting;
using Keel.Kernels.Reductions;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Kernels.Tests.Reductions;

public sealed class ExtremumKernelTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_length_matches_a_scalar_loop_with_the_first_winner(bool minimum)
    {
        var generator = new Generator(9);
        for (int n = 1; n <= KernelHarness.MaxLength; n++)
        {
            // [2, n] reduced over its last axis (stride 0 rows), and over its first (stride 1 rows).
            foreach (var kept in new[] { new[] { 2, 1 }, new[] { 1, n } })
            {
                var plan = BroadcastPlan.Create(kept, [2, n]);
                int outputs = kept[0] * kept[1], size = 2 * n;
                // Few distinct values, so ties are common and the first-winner rule is exercised.
                var x = KernelHarness.Buffer(size, generator, g => g.NextInt(4));
                var y = KernelHarness.Buffer(outputs, generator, _ => float.NaN);
                var position = new int[outputs];
                ExtremumKernels.Forward(plan, KernelHarness.Inside(x, size), KernelHarness.Inside(y, outputs), position, minimum);
                for (int j = 0; j < outputs; j++)
                {
                    int[] members = kept[0] == 1 ? [j, n + j] : [.. Enumerable.Range(j * n, n)];
                    var values = members.Select(at => x[3 + at]).ToArray();
                    float best = minimum ? values.Min() : values.Max();
                    Assert.Equal(best, y[3 + j]);
                    Assert.Equal(members.First(at => x[3 + at] == best), position[j]);
                }
                KernelHarness.AssertSentinels(y, outputs, "y");

                var dy = KernelHarness.Buffer(outputs, generator, g => g.NextNormal());
                var dx = KernelHarness.Buffer(size, generator, _ => 0f);
                ExtremumKernels.Backward(position, KernelHarness.Inside(dy, outputs), KernelHarness.Inside(dx, size));
                var expected = new float[size];
                for (int j = 0; j < outputs; j++) expected[position[j]] = dy[3 + j];
                Assert.Equal(expected, KernelHarness.Inside(dx, size).ToArray());
                KernelHarness.AssertSentinels(dx, size, "dx");
            }
        }
    }

    [Fact]
    public void An_output_that_receives_no_value_is_rejected()
    {
        var plan = BroadcastPlan.Create([2, 1], [2, 0]);
        Assert.StartsWith("ExtremumForward: output element 0 received no value",
            Assert.Throws<ArgumentException>(() => ExtremumKernels.Forward(plan, [], new float[2], new int[2], false)).Message);
    }

    [Fact]
    public void Lengths_that_do_not_fit_the_plan_are_rejected()
    {
        var plan = BroadcastPlan.Create([2, 1], [2, 3]);
        Assert.StartsWith("ExtremumForward: lengths x 5", Assert.Throws<ArgumentException>(() => ExtremumKernels.Forward(plan, new float[5], new float[2], new int[2], false)).Message);
        Assert.StartsWith("ExtremumBackward: lengths 2 and 3 differ", Assert.Throws<ArgumentException>(() => ExtremumKernels.Backward(new int[2], new float[3], new float[6])).Message);
    }
}
