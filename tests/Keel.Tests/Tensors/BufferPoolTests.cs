using Keel.Tensors;

namespace Keel.Tests.Tensors;

[Collection(AllocationCounting.Name)]
public sealed class BufferPoolTests
{
    [Fact]
    public void A_repeated_forward_backward_loop_allocates_no_float_buffers_after_warm_up()
    {
        long allocatedAfterWarmUp = -1, allocatedAtEnd = -1;
        // A thread of its own, so that only this loop's rents are counted.
        var thread = new Thread(() =>
        {
            var generator = new Generator(5);
            var w1 = Tensor.Normal([30, 64], generator, requiresGrad: true);
            var b1 = Tensor.Zeros([64], requiresGrad: true);
            var w2 = Tensor.Normal([64, 27], generator, requiresGrad: true);
            var x = Tensor.Normal([32, 30], generator);
            for (int step = 0; step < 50; step++)
            {
                if (step == 5) allocatedAfterWarmUp = BufferPool.AllocationsOnThisThread;
                var hidden = (x.MatMul(w1) + b1).Tanh();
                var loss = (hidden.MatMul(w2) * hidden.Sum(1, keepDim: true)).Sum() / 100f;
                w1.ZeroGrad();
                b1.ZeroGrad();
                w2.ZeroGrad();
                loss.Backward();
                loss.Dispose();
            }
            allocatedAtEnd = BufferPool.AllocationsOnThisThread;
        });
        thread.Start();
        thread.Join();
        Assert.True(allocatedAfterWarmUp > 0);
        Assert.Equal(allocatedAfterWarmUp, allocatedAtEnd);
    }
}
