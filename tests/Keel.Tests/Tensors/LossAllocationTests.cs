using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

[Collection(AllocationCounting.Name)]
public sealed class LossAllocationTests
{
    [Fact]
    public void CrossEntropy_returns_its_saved_probabilities_to_the_pool_after_backward()
    {
        long warm = -1, end = -1;
        // A thread of its own, so that only this loop's rents are counted.
        var thread = new Thread(() =>
        {
            var x = GradCheck.Random([8, 9], 5);
            var targets = LossGradientTests.Targets([8, 9], 6);
            for (int i = 0; i < 8; i++)
            {
                if (i == 3) warm = BufferPool.AllocationsOnThisThread;
                using var loss = x.CrossEntropy(targets, labelSmoothing: 0.1f);
                loss.Backward();
            }
            end = BufferPool.AllocationsOnThisThread;
        });
        thread.Start();
        thread.Join();
        Assert.True(warm > 0);
        Assert.Equal(warm, end);
    }
}
