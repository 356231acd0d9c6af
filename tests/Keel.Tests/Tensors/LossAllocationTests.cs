using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

[Collection(AllocationCounting.Name)]
public sealed class LossAllocationTests
{
    [Fact]
    public void CrossEntropy_returns_its_saved_probabilities_to_the_pool_after_backward()
    {
        var (warmUp, measured) = PoolAllocations.Count(
            () =>
            {
                var x = GradCheck.Random([8, 9], 5);
                var targets = LossGradientTests.Targets([8, 9], 6);
                return () =>
                {
                    using var loss = x.CrossEntropy(targets, labelSmoothing: 0.1f);
                    loss.Backward();
                };
            },
            warmUp: 3,
            measured: 5);
        Assert.True(warmUp > 0);
        Assert.Equal(0, measured);
    }

    [Fact]
    public void Max_returns_its_saved_positions_and_softmax_its_scratch()
    {
        var (_, measured) = PoolAllocations.Count(
            () =>
            {
                var x = GradCheck.Random([8, 9], 7);
                return () =>
                {
                    using var loss = (x.Softmax().Max(1) + x.Variance(0).Mean() + x.Gelu().Mean()).Sum();
                    loss.Backward();
                };
            },
            warmUp: 3,
            measured: 5);
        Assert.Equal(0, measured);
    }
}
