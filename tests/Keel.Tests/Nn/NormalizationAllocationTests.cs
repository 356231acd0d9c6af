using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

public sealed class NormalizationAllocationTests
{
    [Fact]
    public void Batch_norm_dropout_and_layer_norm_steps_allocate_no_float_buffers_after_warm_up()
    {
        long allocatedAfterWarmUp = -1, allocatedAtEnd = -1;
        // A thread of its own and sizes no other test uses, so that only this loop's rents are counted.
        var thread = new Thread(() =>
        {
            var model = new Sequential(
                new Linear(37, 29, bias: false, generator: new Generator(1)), new BatchNorm1d(29),
                new Dropout(0.3f, new Generator(2)), new LayerNorm(29));
            var x = Tensor.Normal([13, 37], new Generator(3));
            var upstream = Tensor.Normal([13, 29], new Generator(4));
            for (int step = 0; step < 30; step++)
            {
                if (step == 5) allocatedAfterWarmUp = BufferPool.AllocationsOnThisThread;
                var y = model.Forward(x);
                model.ZeroGrad();
                y.Backward(upstream);
                y.Dispose();
            }
            allocatedAtEnd = BufferPool.AllocationsOnThisThread;
        });
        thread.Start();
        thread.Join();
        Assert.True(allocatedAfterWarmUp > 0);
        Assert.Equal(allocatedAfterWarmUp, allocatedAtEnd);
    }
}
