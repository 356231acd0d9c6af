using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class LossTests
{
    public static TheoryData<string, Reduction> Cases => new()
    {
        { "mse", Reduction.Mean }, { "mse", Reduction.Sum }, { "mse", Reduction.None },
        { "mae", Reduction.Mean }, { "mae", Reduction.Sum },
        { "huber", Reduction.Mean }, { "huber", Reduction.None },
        { "bce", Reduction.Mean }, { "bce", Reduction.Sum }, { "bce", Reduction.None },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Elementwise_losses_match_their_formulas_forward_and_backward(string name, Reduction reduction)
    {
        var input = GradCheck.Random([3, 4], 1, scale: 2f);
        var target = name == "bce" ? Tensor.Uniform([3, 4], new Generator(2)) : GradCheck.Random([3, 4], 2);
        var (loss, f) = Create(name, reduction);
        GradCheck.Check(
            t => loss.Forward(t[0], t[1]),
            v => Reduce(v[0].Zip(v[1], f).ToArray(), reduction),
            [input, target]);
    }

    [Fact]
    public void Hand_values_of_each_loss()
    {
        var x = Tensor.FromArray([0f, 2f, -3f]);
        var y = Tensor.FromArray([1f, 2f, 0f]);
        Assert.Equal((1f + 0f + 9f) / 3f, Losses.Mse(x, y).Item(), 6);
        Assert.Equal(10f, Losses.Mse(x, y, Reduction.Sum).Item(), 6);
        Assert.Equal((1f + 0f + 3f) / 3f, Losses.Mae(x, y).Item(), 6);
        // Huber, δ = 1: ½·1², 0, and 1·(3 − ½).
        Assert.Equal([0.5f, 0f, 2.5f], Losses.Huber(x, y, Reduction.None).ToArray());
        // BCE with logits at x = 0 is ln 2 whatever the target; at x = 2, y = 1 it is ln(1 + e⁻²).
        var bce = Losses.BinaryCrossEntropyWithLogits(Tensor.FromArray([0f, 2f]), Tensor.FromArray([0.3f, 1f]), Reduction.None).ToArray();
        GradCheck.AssertClose("bce", bce, [Math.Log(2), Math.Log(1 + Math.Exp(-2))], 1e-6, 1e-6);
    }

    [Fact]
    public void Bce_with_logits_is_stable_for_large_logits_and_has_gradient_sigmoid_minus_target_at_zero()
    {
        var x = Tensor.FromArray([0f, 100f, -100f], requiresGrad: true);
        var loss = Losses.BinaryCrossEntropyWithLogits(x, Tensor.FromArray([0.25f, 0f, 0f]), Reduction.Sum);
        Assert.Equal(MathF.Log(2f) + 100f, loss.Item(), 4);
        loss.Backward();
        Assert.Equal([0.25f, 1f, 0f], x.Grad!.ToArray());
    }

    [Fact]
    public void Cross_entropy_starts_at_ln_c_for_uniform_logits_and_smooths_labels()
    {
        var logits = Tensor.Zeros([4, 27]);
        var targets = Tensor.FromArray([0f, 5f, 26f, 3f]);
        Assert.Equal(MathF.Log(27f), Losses.CrossEntropy(logits, targets).Item(), 5);
        var x = Tensor.FromArray([1f, 2f, 3f, 1f, -1f, 0.5f], [2, 3]);
        // PyTorch 1.13: F.cross_entropy(x, [2, 0], label_smoothing=0.1) = 0.5729481.
        Assert.Equal(0.5729481f, new CrossEntropyLoss(labelSmoothing: 0.1f).Forward(x, Tensor.FromArray([2f, 0f])).Item(), 5);
    }

    [Fact]
    public void Nll_of_log_softmax_equals_cross_entropy()
    {
        var x = GradCheck.Random([5, 4], 3);
        var targets = Tensor.FromArray([0f, 3f, 1f, 1f, 2f]);
        Assert.Equal(Losses.CrossEntropy(x, targets).Item(), Losses.Nll(x.LogSoftmax(), targets).Item(), 5);
        Assert.Equal(-x.LogSoftmax().ToArray()[4 + 3], Losses.Nll(x.LogSoftmax(), targets, Reduction.None).ToArray()[1], 6);
    }

    [Fact]
    public void Losses_convert_to_the_function_a_trainer_takes()
    {
        Func<Tensor, Tensor, Tensor> byMethod = Losses.CrossEntropy;
        Func<Tensor, Tensor, Tensor> byObject = new HuberLoss(delta: 2f);
        Assert.Equal(MathF.Log(3f), byMethod(Tensor.Zeros([1, 3]), Tensor.FromArray([1f])).Item(), 5);
        Assert.Equal(2f * (3f - 1f), byObject(Tensor.FromArray([3f]), Tensor.FromArray([0f])).Item(), 6);
    }

    [Fact]
    public void Mismatched_shapes_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Losses.Mse(Tensor.Zeros([4, 1]), Tensor.Zeros([4])));
        Assert.Equal("MseLoss: the prediction has shape [4, 1] but the target has shape [4]; they must match", error.Message);
    }

    private static (Loss Loss, Func<double, double, double> F) Create(string name, Reduction reduction) => name switch
    {
        "mse" => (new MseLoss(reduction), (x, y) => (x - y) * (x - y)),
        "mae" => (new MaeLoss(reduction), (x, y) => Math.Abs(x - y)),
        "huber" => (new HuberLoss(reduction, delta: 1.5f), (x, y) => Math.Abs(x - y) <= 1.5 ? 0.5 * (x - y) * (x - y) : 1.5 * (Math.Abs(x - y) - 0.75)),
        "bce" => (new BceWithLogitsLoss(reduction), (x, y) => -y * Math.Log(1 / (1 + Math.Exp(-x))) - (1 - y) * Math.Log(1 - 1 / (1 + Math.Exp(-x)))),
        _ => throw new ArgumentException(name),
    };

    private static double[] Reduce(double[] values, Reduction reduction) => reduction switch
    {
        Reduction.Mean => [values.Average()],
        Reduction.Sum => [values.Sum()],
        _ => values,
    };
}
