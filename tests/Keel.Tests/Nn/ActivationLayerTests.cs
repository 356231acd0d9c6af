using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class ActivationLayerTests
{
    private const double SeluAlpha = 1.6732632423543772, SeluScale = 1.0507009873554805;

    public static TheoryData<string> Names => new() { "tanh", "sigmoid", "relu", "leaky_relu", "elu", "selu", "gelu", "gelu_tanh" };

    [Theory, MemberData(nameof(Names))]
    public void Each_activation_layer_matches_its_formula_forward_and_backward(string name)
    {
        // Values kept away from 0, where ReLU-like functions have a kink that central differences straddle.
        var x = Tensor.FromArray(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? 1 : -1) * (0.05f + 0.13f * i)).ToArray(), [4, 6], requiresGrad: true);
        var (layer, f) = Layer(name);
        GradCheck.Check(t => layer.Forward(t[0]), v => v[0].Select(f).ToArray(), [x]);
    }

    [Fact]
    public void Hand_values_of_the_activations_at_one_and_minus_one()
    {
        var x = Tensor.FromArray([1f, -1f]);
        Assert.Equal([1f, 0f], new Relu().Forward(x).ToArray());
        Assert.Equal([1f, -0.2f], new LeakyRelu(0.2f).Forward(x).ToArray());
        Assert.Equal(new[] { 0.7310586f, 0.26894143f }, new Sigmoid().Forward(x).ToArray());
        GradCheck.AssertClose("elu", new Elu().Forward(x).ToArray(), [1, Math.Exp(-1) - 1], 1e-6, 1e-6);
        GradCheck.AssertClose("gelu", new Gelu().Forward(x).ToArray(), [0.8413447460685429, -0.15865525393145707], 1e-6, 1e-6);
    }

    [Fact]
    public void Softmax_rows_sum_to_one_and_match_the_formula()
    {
        var x = GradCheck.Random([3, 5], 2);
        GradCheck.Check(t => new Softmax().Forward(t[0]), v => SoftmaxRows(v[0], 5), [x]);
        var y = new Softmax(axis: 0).Forward(Tensor.Zeros([4, 2]));
        Assert.All(y.ToArray(), p => Assert.Equal(0.25f, p));
    }

    private static (Module Layer, Func<double, double> F) Layer(string name) => name switch
    {
        "tanh" => (new Tanh(), Math.Tanh),
        "sigmoid" => (new Sigmoid(), v => 1 / (1 + Math.Exp(-v))),
        "relu" => (new Relu(), v => Math.Max(0, v)),
        "leaky_relu" => (new LeakyRelu(0.1f), v => v >= 0 ? v : 0.1 * v),
        "elu" => (new Elu(0.5f), v => v > 0 ? v : 0.5 * (Math.Exp(v) - 1)),
        "selu" => (new Selu(), v => SeluScale * (v > 0 ? v : SeluAlpha * (Math.Exp(v) - 1))),
        "gelu" => (new Gelu(), v => v * 0.5 * (1 + Erf(v / Math.Sqrt(2)))),
        "gelu_tanh" => (new Gelu(GeluApproximation.Tanh), v => 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))),
        _ => throw new ArgumentException(name),
    };

    private static double[] SoftmaxRows(double[] x, int n)
    {
        var y = new double[x.Length];
        for (int r = 0; r < x.Length / n; r++)
        {
            var row = x.Skip(r * n).Take(n).ToArray();
            double max = row.Max(), sum = row.Sum(v => Math.Exp(v - max));
            for (int j = 0; j < n; j++) y[r * n + j] = Math.Exp(row[j] - max) / sum;
        }
        return y;
    }

    /// <summary>erf by its Maclaurin series, accurate to double precision for |x| below 3.</summary>
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (int n = 0; n < 100; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
