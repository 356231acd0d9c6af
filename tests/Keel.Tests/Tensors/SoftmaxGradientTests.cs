using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class SoftmaxGradientTests
{
    public static TheoryData<int[], int> ShapesAndAxes => new()
    {
        { [5], 0 },
        { [3, 4], -1 },
        { [3, 4], 0 },
        { [2, 3, 4], 1 },
        { [2, 1, 3], 1 },
        { [0, 3], 1 },
        { [3, 0], 1 },
    };

    [Theory, MemberData(nameof(ShapesAndAxes))]
    public void Softmax_matches_the_reference(int[] shape, int axis)
    {
        var x = GradCheck.Random(new Shape(shape), 1, scale: 2f);
        GradCheck.Check(t => t[0].Softmax(axis), v => Along(v[0], shape, axis, log: false), [x]);
    }

    [Theory, MemberData(nameof(ShapesAndAxes))]
    public void LogSoftmax_matches_the_reference(int[] shape, int axis)
    {
        var x = GradCheck.Random(new Shape(shape), 2, scale: 2f);
        GradCheck.Check(t => t[0].LogSoftmax(axis), v => Along(v[0], shape, axis, log: true), [x]);
    }

    [Fact]
    public void Softmax_is_stable_for_huge_logits()
    {
        var x = Tensor.FromArray([1000f, 1000f, -1000f, 0f], [1, 4]);
        Assert.Equal([0.5f, 0.5f, 0f, 0f], x.Softmax().ToArray());
        var log = x.LogSoftmax().ToArray();
        Assert.Equal(-MathF.Log(2f), log[0], 5);
        Assert.Equal(-2000f - MathF.Log(2f), log[2], 2);
        Assert.All(log, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void A_slice_of_minus_infinity_gives_nan_as_in_pytorch()
    {
        Assert.All(Tensor.Full([2], float.NegativeInfinity).Softmax().ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.All(Tensor.Full([2, 2], float.NegativeInfinity).Softmax(0).ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Softmax_of_a_strided_axis_is_stable_for_huge_logits()
    {
        var x = Tensor.FromArray([1000f, 0f, 1000f, 0f], [2, 2]);
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], x.Softmax(0).ToArray());
    }

    [Fact]
    public void Softmax_of_a_scalar_or_a_bad_axis_names_the_shape()
    {
        Assert.Equal("Softmax: axis 2 is out of range for shape [3, 4]", Assert.Throws<ArgumentException>(() => Tensor.Zeros([3, 4]).Softmax(2)).Message);
        Assert.Contains("LogSoftmax: needs at least one axis", Assert.Throws<ArgumentException>(() => Tensor.Scalar(1f).LogSoftmax()).Message);
    }

    /// <summary>Softmax or log-softmax along an axis, in double, straight from the definition.</summary>
    internal static double[] Along(double[] x, int[] shape, int axis, bool log)
    {
        axis = axis < 0 ? axis + shape.Length : axis;
        int outer = shape[..axis].Aggregate(1, (p, q) => p * q), n = shape[axis], inner = shape[(axis + 1)..].Aggregate(1, (p, q) => p * q);
        var y = new double[x.Length];
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int At(int j) => (o * n + j) * inner + i;
                double sum = 0;
                for (int j = 0; j < n; j++) sum += Math.Exp(x[At(j)]);
                for (int j = 0; j < n; j++) y[At(j)] = log ? x[At(j)] - Math.Log(sum) : Math.Exp(x[At(j)]) / sum;
            }
        }
        return y;
    }
}
