using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class LinearOpTests
{
    private static double[] Reference(double[] x, double[] w, double[]? b, int m, int k, int n)
    {
        var y = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = b?[j] ?? 0;
                for (int p = 0; p < k; p++) sum += x[i * k + p] * w[p * n + j];
                y[i * n + j] = sum;
            }
        return y;
    }

    [Theory]
    [InlineData(new[] { 4, 3 }, 5, true)]
    [InlineData(new[] { 2, 3, 3 }, 2, true)]
    [InlineData(new[] { 4, 3 }, 5, false)]
    [InlineData(new[] { 0, 3 }, 5, true)]
    public void Values_and_gradients_match_the_reference(int[] inputShape, int outputs, bool withBias)
    {
        int k = inputShape[^1], m = inputShape.Aggregate(1, (a, b) => a * b) / k;
        var x = GradCheck.Random(new Shape(inputShape), 1);
        var w = GradCheck.Random([k, outputs], 2);
        var b = GradCheck.Random([outputs], 3);
        Tensor[] inputs = withBias ? [x, w, b] : [x, w];
        GradCheck.Check(t => t[0].Linear(t[1], withBias ? t[2] : null), v => Reference(v[0], v[1], withBias ? v[2] : null, m, k, outputs), inputs);
    }

    [Fact]
    public void The_fused_op_equals_matmul_plus_bias_bit_for_bit()
    {
        var generator = new Generator(4);
        var x = Tensor.Normal([7, 13], generator);
        var w = Tensor.Normal([13, 5], generator);
        var b = Tensor.Normal([5], generator);
        Assert.Equal((x.MatMul(w) + b).ToArray(), x.Linear(w, b).ToArray());
    }

    [Fact]
    public void A_bias_of_the_wrong_size_names_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3]).Linear(Tensor.Zeros([3, 4]), Tensor.Zeros([5])));
        Assert.Equal("Linear: bias [5] does not fit weight [3, 4]; expected [4]", error.Message);
    }
}
