using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

/// <summary>Layers and losses against numbers PyTorch 1.13 produced (tests/reference/nn/batchnorm_layernorm_losses.py).</summary>
public sealed class PyTorchReferenceTests
{
    private static readonly IReadOnlyDictionary<string, double[]> Expected = RepositoryPaths.Fixture("nn/batchnorm_layernorm_losses.txt");

    [Fact]
    public void BatchNorm1d_matches_pytorch_over_three_batches_then_eval()
    {
        var bn = new BatchNorm1d(3);
        new float[] { 0.5f, 1f, 2f }.CopyTo(bn.Weight!.Data);
        new float[] { 0f, -1f, 0.25f }.CopyTo(bn.Bias!.Data);
        for (int k = 0; k < 3; k++)
        {
            var x = Values([4, 3], k, requiresGrad: true);
            var y = bn.Forward(x);
            if (k < 2) continue;
            Check("bn2d.train_output_2", y);
            (y * Values([4, 3], 10)).Sum().Backward();
            Check("bn2d.grad_x_2", x.Grad!);
            Check("bn2d.grad_weight", bn.Weight.Grad!);
            Check("bn2d.grad_bias", bn.Bias.Grad!);
        }
        Check("bn2d.running_mean", bn.RunningMean!);
        Check("bn2d.running_var", bn.RunningVar!);
        bn.Eval();
        Check("bn2d.eval_output", bn.Forward(Values([2, 3], 5)));
    }

    [Fact]
    public void BatchNorm1d_on_batch_time_channels_matches_pytorch_on_the_permuted_input()
    {
        var bn = new BatchNorm1d(4);
        Tensor y = Tensor.Zeros([]);
        for (int k = 0; k < 3; k++) y = bn.Forward(Values([2, 3, 4], k));
        Check("bn3d.train_output_2", y);
        Check("bn3d.running_mean", bn.RunningMean!);
        Check("bn3d.running_var", bn.RunningVar!);
    }

    [Fact]
    public void LayerNorm_matches_pytorch()
    {
        var ln = new LayerNorm(5);
        new float[] { 1f, 0.5f, -1f, 2f, 0.75f }.CopyTo(ln.Weight!.Data);
        new float[] { 0.1f, 0.2f, 0.3f, 0.4f, 0.5f }.CopyTo(ln.Bias!.Data);
        var x = Values([3, 5], 1, requiresGrad: true);
        var y = ln.Forward(x);
        Check("ln.output", y);
        (y * Values([3, 5], 11)).Sum().Backward();
        Check("ln.grad_x", x.Grad!);
    }

    [Fact]
    public void Losses_match_pytorch()
    {
        var p = Values([2, 3], 2);
        var t = Values([2, 3], 3) / 4f;
        Check("loss.mse", Losses.Mse(p, t));
        Check("loss.l1", Losses.Mae(p, t));
        Check("loss.huber_delta_1.5", Losses.Huber(p, t, Reduction.Mean, delta: 1.5f));
        Check("loss.bce_with_logits", Losses.BinaryCrossEntropyWithLogits(p, (Values([2, 3], 4) + 5f) / 10f));
    }

    /// <summary>The script's inputs: <c>x[i] = sin(1 + 0.7·i + 2.1·k)·(1 + k)</c>, row-major.</summary>
    private static Tensor Values(Shape shape, int k, bool requiresGrad = false)
        => Tensor.FromArray(Enumerable.Range(0, shape.Size).Select(i => (float)(Math.Sin(1 + 0.7 * i + 2.1 * k) * (1 + k))).ToArray(), shape, requiresGrad);

    private static void Check(string name, Tensor actual) => GradCheck.AssertClose(name, actual.ToArray(), Expected[name], 1e-5, 1e-4);
}
