using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

[Collection(AllocationCounting.Name)]
public sealed class BufferPoolTests
{
    [Fact]
    public void A_repeated_forward_backward_loop_allocates_no_float_buffers_after_warm_up()
    {
        var (warmUp, measured) = PoolAllocations.Count(
            () =>
            {
                var generator = new Generator(5);
                var w1 = Tensor.Normal([30, 64], generator, requiresGrad: true);
                var b1 = Tensor.Zeros([64], requiresGrad: true);
                var w2 = Tensor.Normal([64, 27], generator, requiresGrad: true);
                var x = Tensor.Normal([32, 30], generator);
                return () =>
                {
                    var hidden = (x.MatMul(w1) + b1).Tanh();
                    var loss = (hidden.MatMul(w2) * hidden.Sum(1, keepDim: true)).Sum() / 100f;
                    w1.ZeroGrad();
                    b1.ZeroGrad();
                    w2.ZeroGrad();
                    loss.Backward();
                    loss.Dispose();
                };
            },
            warmUp: 5,
            measured: 45);
        Assert.True(warmUp > 0);
        Assert.Equal(0, measured);
    }
}
