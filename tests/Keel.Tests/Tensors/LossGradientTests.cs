using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class LossGradientTests
{
    public static TheoryData<int[], Reduction, float> Cases => new()
    {
        { [4, 5], Reduction.Mean, 0f },
        { [4, 5], Reduction.Sum, 0f },
        { [4, 5], Reduction.None, 0f },
        { [4, 5], Reduction.Mean, 0.1f },
        { [4, 5], Reduction.None, 0.3f },
        { [2, 3, 4], Reduction.Mean, 0.2f },
        { [3], Reduction.Mean, 0f },
        { [3, 1], Reduction.Sum, 0.5f },
    };

    [Theory, MemberData(nameof(Cases))]
    public void CrossEntropy_matches_the_pytorch_definition(int[] shape, Reduction reduction, float smoothing)
    {
        var logits = GradCheck.Random(new Shape(shape), 1, scale: 3f);
        var targets = Targets(shape, 2);
        var t = targets.ToArray().Select(v => (int)v).ToArray();
        GradCheck.Check(
            x => x[0].CrossEntropy(targets, reduction, smoothing),
            v => Reduce(RowLosses(v[0], shape[^1], t, smoothing), reduction),
            [logits]);
        Assert.Equal(reduction == Reduction.None ? targets.Shape : new Shape([]), logits.CrossEntropy(targets, reduction).Shape);
    }

    [Fact]
    public void CrossEntropy_matches_pytorch_numbers_with_label_smoothing()
    {
        // torch.nn.functional.cross_entropy(x, t, label_smoothing=0.1) and its gradient, PyTorch 1.13.
        var x = Tensor.FromArray([1f, 2f, 3f, 1f, -1f, 0.5f], [2, 3], requiresGrad: true);
        var loss = x.CrossEntropy(Tensor.FromArray([2f, 0f]), labelSmoothing: 0.1f);
        loss.Backward();
        Assert.Equal(0.5729480981826782f, loss.Item(), 6);
        GradCheck.AssertClose("gradient", x.Grad!.ToArray(), [0.02834862, 0.10569758, -0.13404617, -0.17961818, 0.02218112, 0.15743704], 1e-6, 1e-5);
        // reduction='none' without smoothing: [0.40760595, 0.55495697].
        GradCheck.AssertClose("none", x.CrossEntropy(Tensor.FromArray([2f, 0f]), Reduction.None).ToArray(), [0.40760595, 0.55495697], 1e-6, 1e-5);
    }

    [Fact]
    public void CrossEntropy_is_stable_for_huge_logits()
    {
        var x = Tensor.FromArray([1000f, -1000f, 0f, 1000f], [2, 2]);
        var loss = x.CrossEntropy(Tensor.FromArray([0f, 0f]), Reduction.None).ToArray();
        Assert.Equal(0f, loss[0]);
        Assert.Equal(1000f, loss[1]);
    }

    [Fact]
    public void CrossEntropy_equals_NllLoss_of_LogSoftmax()
    {
        var x = GradCheck.Random([6, 4], 3);
        var targets = Targets([6, 4], 4);
        Assert.Equal(x.LogSoftmax().NllLoss(targets).Item(), x.CrossEntropy(targets).Item(), 5);
    }

    [Fact]
    public void Backward_twice_through_a_retained_graph_of_lookup_and_losses_doubles_the_gradients()
    {
        var table = GradCheck.Random([5, 4], 9);
        var tokens = Tensor.FromArray([1f, 3f, 3f]);
        var targets = Tensor.FromArray([0f, 2f, 3f]);
        var logits = table[tokens];
        var loss = logits.CrossEntropy(targets, labelSmoothing: 0.1f) + logits.LogSoftmax().NllLoss(targets, Reduction.Sum);
        loss.Backward(retainGraph: true);
        var once = table.Grad!.ToArray();
        loss.Backward();
        GradCheck.AssertClose("twice", table.Grad!.ToArray(), once.Select(g => 2.0 * g).ToArray(), 1e-6, 1e-6);
    }

    public static TheoryData<int[], Reduction> NllCases => new()
    {
        { [4, 5], Reduction.Mean },
        { [4, 5], Reduction.Sum },
        { [2, 3, 4], Reduction.None },
        { [3], Reduction.Mean },
    };

    [Theory, MemberData(nameof(NllCases))]
    public void NllLoss_matches_the_pytorch_definition(int[] shape, Reduction reduction)
    {
        var input = GradCheck.Random(new Shape(shape), 7);
        var targets = Targets(shape, 8);
        var t = targets.ToArray().Select(v => (int)v).ToArray();
        int c = shape[^1];
        GradCheck.Check(x => x[0].NllLoss(targets, reduction), v => Reduce(t.Select((k, i) => -v[0][i * c + k]).ToArray(), reduction), [input]);
    }

    [Fact]
    public void An_empty_batch_has_a_nan_mean_and_an_empty_none_as_in_pytorch()
    {
        var x = Tensor.Zeros([0, 3], requiresGrad: true);
        Assert.True(float.IsNaN(x.CrossEntropy(Tensor.Zeros([0])).Item()));
        Assert.Equal(0f, x.CrossEntropy(Tensor.Zeros([0]), Reduction.Sum).Item());
        Assert.Equal(new Shape([0]), x.NllLoss(Tensor.Zeros([0]), Reduction.None).Shape);
    }

    [Fact]
    public void Loss_errors_name_the_shapes_and_the_bad_target()
    {
        var x = Tensor.Zeros([2, 3]);
        Assert.Equal("CrossEntropy: targets of shape [3] do not match input of shape [2, 3]; expected [2]", Assert.Throws<ArgumentException>(() => x.CrossEntropy(Tensor.Zeros([3]))).Message);
        Assert.Equal("CrossEntropy: index 3 at position [1] is out of range; the class axis of input [2, 3] has size 3, so indices must be whole numbers in [0, 2]",
            Assert.Throws<ArgumentException>(() => x.CrossEntropy(Tensor.FromArray([0f, 3f]))).Message);
        Assert.Contains("labelSmoothing must be in [0, 1], got 1.5", Assert.Throws<ArgumentException>(() => x.CrossEntropy(Tensor.Zeros([2]), labelSmoothing: 1.5f)).Message);
        Assert.Contains("NllLoss: index 0.5 at position [0] is not a whole number", Assert.Throws<ArgumentException>(() => x.NllLoss(Tensor.FromArray([0.5f, 0f]))).Message);
        Assert.Contains("NllLoss: input must have a class axis", Assert.Throws<ArgumentException>(() => Tensor.Scalar(0f).NllLoss(Tensor.Scalar(0f))).Message);
    }

    internal static Tensor Targets(int[] shape, ulong seed) => Tensor.RandomIntegers(new Shape(shape[..^1]), 0, shape[^1], new Generator(seed));

    /// <summary>PyTorch's definition: (1 − ε)·(−log p[t]) + (ε / C)·Σ_c (−log p[c]).</summary>
    private static double[] RowLosses(double[] x, int c, int[] targets, double smoothing)
    {
        var losses = new double[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            var logp = SoftmaxGradientTests.Along(x.Skip(i * c).Take(c).ToArray(), [c], 0, log: true);
            losses[i] = (1 - smoothing) * -logp[targets[i]] + smoothing / c * logp.Sum(p => -p);
        }
        return losses;
    }

    private static double[] Reduce(double[] losses, Reduction reduction) => reduction switch
    {
        Reduction.Mean => [losses.Average()],
        Reduction.Sum => [losses.Sum()],
        _ => losses,
    };
}
