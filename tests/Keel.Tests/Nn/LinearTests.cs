using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class LinearTests
{
    [Fact]
    public void Forward_computes_x_times_an_in_by_out_weight_plus_bias_by_hand()
    {
        var layer = new Linear(2, 3);
        new float[] { 1, 2, 3, 4, 5, 6 }.CopyTo(layer.Weight.Data); // [[1, 2, 3], [4, 5, 6]]
        new float[] { 0.5f, -1, 0 }.CopyTo(layer.Bias!.Data);
        var y = layer.Forward(Tensor.FromArray(new float[,] { { 1, 1 }, { 2, -1 } }));
        Assert.Equal([5.5f, 6f, 9f, -1.5f, -2f, 0f], y.ToArray());
        Assert.Equal(new Shape([2, 3]), layer.Weight.Shape);
    }

    [Fact]
    public void Gradients_of_input_weight_and_bias_match_finite_differences_on_three_axes()
    {
        var layer = new Linear(4, 3, generator: new Generator(1));
        var w = layer.Weight.ToArray().Select(v => (double)v).ToArray();
        var b = layer.Bias!.ToArray().Select(v => (double)v).ToArray();
        var x = GradCheck.Random([2, 5, 4], 2);
        GradCheck.Check(t => layer.Forward(t[0]), v => Affine(v[0], w, b, 4, 3), [x]);
        // Weight gradient: Σ over rows of xᵀ·u with the same upstream gradient the checker used.
        var u = Tensor.Normal([2, 5, 3], new Generator(1)).ToArray();
        var xs = x.ToArray();
        var expected = new double[12];
        for (int r = 0; r < 10; r++)
            for (int i = 0; i < 4; i++)
                for (int o = 0; o < 3; o++) expected[i * 3 + o] += xs[r * 4 + i] * u[r * 3 + o];
        GradCheck.AssertClose("weight gradient", layer.Weight.Grad!.ToArray(), expected);
        var biasGrad = Enumerable.Range(0, 3).Select(o => Enumerable.Range(0, 10).Sum(r => (double)u[r * 3 + o])).ToArray();
        GradCheck.AssertClose("bias gradient", layer.Bias.Grad!.ToArray(), biasGrad);
    }

    [Fact]
    public void Default_init_is_uniform_within_one_over_root_fan_in_as_pytorch()
    {
        var layer = new Linear(100, 400, generator: new Generator(3));
        float bound = 1f / MathF.Sqrt(100);
        Assert.All(layer.Weight.ToArray().Concat(layer.Bias!.ToArray()), v => Assert.InRange(v, -bound, bound));
        // U(−a, a) has variance a²/3.
        Assert.InRange(Statistics.Variance(layer.Weight.ToArray()), 0.95 * bound * bound / 3, 1.05 * bound * bound / 3);
    }

    [Fact]
    public void Without_bias_there_is_only_the_weight()
    {
        var layer = new Linear(30, 200, bias: false);
        Assert.Null(layer.Bias);
        Assert.Equal(["weight"], layer.NamedParameters().Select(p => p.Name));
        Assert.Equal("Linear(30, 200, bias: false)", layer.ToString());
    }

    [Fact]
    public void A_wrong_input_width_names_the_layer_and_the_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Linear(3, 2).Forward(Tensor.Ones([4, 5])));
        Assert.Equal("Linear(3, 2): expected an input of shape [..., 3], got [4, 5]", error.Message);
    }

    private static double[] Affine(double[] x, double[] w, double[] b, int inFeatures, int outFeatures)
    {
        int rows = x.Length / inFeatures;
        var y = new double[rows * outFeatures];
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < outFeatures; o++)
            {
                double sum = b[o];
                for (int i = 0; i < inFeatures; i++) sum += x[r * inFeatures + i] * w[i * outFeatures + o];
                y[r * outFeatures + o] = sum;
            }
        return y;
    }
}
