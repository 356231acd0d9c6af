using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

[Collection(AllocationCountingCollection.Name)]
public sealed class NormalizationAllocationTests
{
    [Fact]
    public void Batch_norm_dropout_and_layer_norm_steps_allocate_no_float_buffers_after_warm_up()
    {
        // Sizes no other test uses, so that parallel tests do not take these lengths from the shared pool.
        long allocated = Allocations.AfterWarmUp(
            () => (Model: new Sequential(
                    new Linear(37, 29, bias: false, generator: new Generator(1)), new BatchNorm1d(29),
                    new Dropout(0.3f, new Generator(2)), new LayerNorm(29)),
                X: Tensor.Normal([13, 37], new Generator(3)),
                Upstream: Tensor.Normal([13, 29], new Generator(4))),
            s =>
            {
                var y = s.Model.Forward(s.X);
                s.Model.ZeroGrad();
                y.Backward(s.Upstream);
                y.Dispose();
            });
        Assert.Equal(0, allocated);
    }
}
