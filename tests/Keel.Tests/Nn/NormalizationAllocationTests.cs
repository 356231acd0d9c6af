using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;
using Keel.Tests.Tensors;

namespace Keel.Tests.Nn;

[Collection(AllocationCounting.Name)]
public sealed class NormalizationAllocationTests
{
    [Fact]
    public void Batch_norm_dropout_and_layer_norm_steps_allocate_no_float_buffers_after_warm_up()
    {
        var (warmUp, measured) = PoolAllocations.Count(
            () =>
            {
                var model = new Sequential(
                    new Linear(37, 29, bias: false, generator: new Generator(1)), new BatchNorm1d(29),
                    new Dropout(0.3f, new Generator(2)), new LayerNorm(29));
                var x = Tensor.Normal([13, 37], new Generator(3));
                var upstream = Tensor.Normal([13, 29], new Generator(4));
                return () =>
                {
                    var y = model.Forward(x);
                    model.ZeroGrad();
                    y.Backward(upstream);
                    y.Dispose();
                };
            },
            warmUp: 5,
            measured: 25);
        Assert.True(warmUp > 0);
        Assert.Equal(0, measured);
    }
}
