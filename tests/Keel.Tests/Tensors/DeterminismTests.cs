using Keel.Kernels.Threading;
using Keel.Tensors;

namespace Keel.Tests.Tensors;

public sealed class DeterminismTests
{
    [Fact]
    public void A_seeded_training_loop_repeats_bit_for_bit()
    {
        var first = Run(seed: 7);
        var second = Run(seed: 7);
        Assert.Equal(first.Losses, second.Losses);
        Assert.Equal(first.Weights, second.Weights);
        Assert.NotEqual(first.Losses, Run(seed: 8).Losses);
    }

    [Fact]
    public void One_and_two_kernel_threads_give_identical_results()
    {
        (float[] Losses, float[] Weights) one, two;
        using (KernelThreads.Use(1)) one = Run(seed: 3);
        using (KernelThreads.Use(2)) two = Run(seed: 3);
        Assert.Equal(one.Losses, two.Losses);
        Assert.Equal(one.Weights, two.Weights);
    }

    /// <summary>A small MLP on random tokens: embedding, matmul, tanh, cross-entropy, plain SGD; returns losses and final weights.</summary>
    private static (float[] Losses, float[] Weights) Run(ulong seed)
    {
        var generator = new Generator(seed);
        var table = Tensor.Normal([11, 6], generator, requiresGrad: true);
        var w1 = Tensor.Normal([18, 64], generator, std: 0.3f, requiresGrad: true);
        var w2 = Tensor.Normal([64, 11], generator, std: 0.3f, requiresGrad: true);
        Tensor[] parameters = [table, w1, w2];
        var losses = new float[8];
        for (int step = 0; step < losses.Length; step++)
        {
            var tokens = Tensor.RandomIntegers([48, 3], 0, 11, generator);
            var targets = Tensor.RandomIntegers([48], 0, 11, generator);
            var hidden = table[tokens].Reshape(48, 18).MatMul(w1).Tanh();
            var loss = hidden.MatMul(w2).CrossEntropy(targets, labelSmoothing: 0.1f);
            foreach (var p in parameters) p.ZeroGrad();
            loss.Backward();
            losses[step] = loss.Item();
            foreach (var p in parameters)
            {
                var data = p.Data;
                var grad = p.Grad!.Data;
                for (int i = 0; i < data.Length; i++) data[i] -= 0.5f * grad[i];
            }
        }
        return (losses, [.. parameters.SelectMany(p => p.ToArray().Concat(p.Grad!.ToArray()))]);
    }
}
