using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

[Collection(AllocationCounting.Name)]
public sealed class SequentialNoGradTests
{
    [Fact]
    public void Inference_under_no_grad_stops_allocating_buffers_and_keeps_the_input_and_output()
    {
        long afterWarmUp = -1, atEnd = -1;
        float[]? first = null, last = null;
        var thread = new Thread(() =>
        {
            var generator = new Generator(2);
            var model = new Sequential(new Linear(8, 16, generator: generator), new Keel.Nn.Tanh(), new Dropout(0.5f, generator), new Linear(16, 4, generator: generator));
            model.Eval();
            var x = Tensor.Normal([5, 8], generator);
            using var noGrad = GradMode.NoGrad();
            for (int i = 0; i < 20; i++)
            {
                if (i == 3) afterWarmUp = BufferPool.AllocationsOnThisThread;
                var y = model.Forward(x);
                first ??= y.ToArray();
                last = y.ToArray();
                y.Dispose();
            }
            atEnd = BufferPool.AllocationsOnThisThread;
            Assert.Equal(40, x.ToArray().Length);
        });
        thread.Start();
        thread.Join();
        Assert.Equal(afterWarmUp, atEnd);
        Assert.Equal(first, last);
    }
}
