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

    [Fact]
    public unsafe void Tensor_storage_starts_on_a_64_byte_boundary()
    {
        var generator = new Generator(3);
        var tensors = new List<Tensor>();
        for (int size = 1; size <= 40; size++)
        {
            tensors.Add(Tensor.Zeros([size]));
            tensors.Add(Tensor.Normal([size, 3], generator));
            tensors.Add(new Parameter([3, size]));
            tensors.Add(new Parameter(Tensor.Ones([size])));
        }
        var x = Tensor.Normal([32, 30], generator, requiresGrad: true);
        tensors.Add(x.MatMul(Tensor.Normal([30, 27], generator)).Tanh());
        foreach (var tensor in tensors)
        {
            fixed (float* start = tensor.Data) Assert.Equal(0, (long)start % 64);
        }
    }

    [Fact]
    public void An_aligned_buffer_comes_back_cleared_when_asked_and_is_reused_by_length()
    {
        var pool = new BufferPool();
        var first = pool.RentAligned(37, clear: true, out int offset);
        Assert.True(first.Length >= offset + 37);
        Assert.All(first, value => Assert.Equal(0f, value));
        first.AsSpan(offset, 37).Fill(5f);
        pool.ReturnAligned(first);

        var kept = pool.RentAligned(37, clear: false, out int keptOffset);
        Assert.Same(first, kept);
        Assert.Equal(offset, keptOffset);
        Assert.Equal(5f, kept[keptOffset + 36]);
        pool.ReturnAligned(kept);

        var cleared = pool.RentAligned(37, clear: true, out int clearedOffset);
        Assert.Same(first, cleared);
        Assert.All(cleared.AsSpan(clearedOffset, 37).ToArray(), value => Assert.Equal(0f, value));
        pool.ReturnAligned(cleared);
        Assert.NotSame(first, pool.RentAligned(36, clear: false, out _)); // free, but for 37 floats
        Assert.Same(first, pool.RentAligned(37, clear: false, out _));
    }

    [Fact]
    public void Returning_an_array_that_is_too_short_to_be_aligned_storage_names_its_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new BufferPool().ReturnAligned(new float[3]));
        Assert.Contains("3 floats", error.Message);
    }
}
