using Keel.Kernels.Elementwise;
using Keel.Kernels.Normalization;
using Keel.Kernels.Optim;
using Keel.Kernels.Threading;

namespace Keel.Kernels.Tests.Threading;

/// <summary>Long elementwise loops split between threads: the chunks and the bit-identical results.</summary>
public sealed class ParallelChunksTests
{
    [Theory]
    [InlineData(1_000_003, 2)]
    [InlineData(262_144, 3)]
    [InlineData(17, 4)]
    public void Chunks_cover_the_range_once_on_aligned_boundaries(int length, int chunks)
    {
        int next = 0;
        for (int i = 0; i < chunks; i++)
        {
            var (start, end) = ParallelChunks.Chunk(i, chunks, length);
            Assert.Equal(next, start);
            Assert.True(end >= start);
            if (end < length) Assert.Equal(0, end % ParallelChunks.Alignment);
            next = end;
        }
        Assert.Equal(length, next);
    }

    [Fact]
    public void Short_loops_stay_on_the_calling_thread()
    {
        using var scope = KernelThreads.Use(2);
        Assert.Equal(1, ParallelChunks.ChunksFor(2 * ParallelChunks.MinPerThread - 1));
        Assert.Equal(2, ParallelChunks.ChunksFor(2 * ParallelChunks.MinPerThread));
        using var one = KernelThreads.Use(1);
        Assert.Equal(1, ParallelChunks.ChunksFor(10_000_000));
    }

    [Fact]
    public void Tanh_and_sgd_give_the_same_bits_on_one_and_three_threads()
    {
        const int length = 3 * ParallelChunks.MinPerThread + 1_001;
        var random = new Random(5);
        float[] x = new float[length], dy = new float[length], grad = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)(random.NextDouble() * 8 - 4);
            dy[i] = (float)(random.NextDouble() * 2 - 1);
            grad[i] = (float)(random.NextDouble() * 2 - 1);
        }

        (float[] Y, float[] Dx, float[] Param, float[] Buffer) Run(int threads)
        {
            using var scope = KernelThreads.Use(threads);
            float[] y = new float[length], dx = new float[length], param = (float[])x.Clone(), buffer = new float[length];
            TanhKernels.Forward(x, y);
            TanhKernels.Backward(y, dy, dx);
            TanhKernels.Backward(y, dy, dx);
            SgdKernels.Step(param, grad, buffer, 0.1f, 0.9f, 0f, 1e-4f, nesterov: true, firstStep: true);
            SgdKernels.Step(param, grad, buffer, 0.1f, 0.9f, 0f, 1e-4f, nesterov: true, firstStep: false);
            return (y, dx, param, buffer);
        }

        var one = Run(1);
        var three = Run(3);
        Assert.Equal(one.Y, three.Y);
        Assert.Equal(one.Dx, three.Dx);
        Assert.Equal(one.Param, three.Param);
        Assert.Equal(one.Buffer, three.Buffer);
        Assert.Equal(MathF.Tanh(x[^1]), one.Y[^1], 6);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Batch_norm_gives_the_same_bits_on_one_and_three_threads(bool batchStatistics, bool accumulateDx)
    {
        const int rows = 601, channels = 400;
        var random = new Random(9);
        float[] x = new float[rows * channels], dy = new float[rows * channels], gamma = new float[channels], beta = new float[channels];
        for (int i = 0; i < x.Length; i++) (x[i], dy[i]) = ((float)(random.NextDouble() * 4 - 2), (float)(random.NextDouble() * 2 - 1));
        for (int c = 0; c < channels; c++) (gamma[c], beta[c]) = ((float)random.NextDouble() + 0.5f, (float)random.NextDouble() - 0.5f);

        (float[] Y, float[] Dx) Run(int threads)
        {
            using var scope = KernelThreads.Use(threads);
            float[] mean = new float[channels], variance = new float[channels], invStd = new float[channels];
            BatchNormKernels.Moments(x, channels, mean, variance);
            BatchNormKernels.InverseStd(variance, 1e-5f, invStd);
            float[] y = new float[x.Length], dx = new float[x.Length];
            Array.Fill(dx, 0.25f);
            BatchNormKernels.Normalize(x, mean, invStd, gamma, beta, y);
            BatchNormKernels.Backward(x, dy, mean, invStd, gamma, batchStatistics, dx, [], [], accumulateDx);
            return (y, dx);
        }

        var one = Run(1);
        var three = Run(3);
        Assert.Equal(one.Y, three.Y);
        Assert.Equal(one.Dx, three.Dx);
    }
}
