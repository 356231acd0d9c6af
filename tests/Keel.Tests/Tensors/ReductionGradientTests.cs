using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class ReductionGradientTests
{
    public static TheoryData<int[], int[], bool> Cases => new()
    {
        { [3, 4], [], false },
        { [3, 4], [], true },
        { [3, 4], [0], false },
        { [3, 4], [1], true },
        { [3, 4], [-1], false },
        { [2, 3, 4], [0, 2], false },
        { [2, 3, 4], [-3, -1], true },
        { [2, 3, 4], [1], true },
        { [2, 3, 4], [0, 1, 2], false },
        { [5], [0], false },
        { [], [], false },
        { [], [], true },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Sum_matches_the_reference(int[] shape, int[] axes, bool keepDim)
        => Check(shape, axes, keepDim, (t, a, k) => t.Sum(a, k), s => s.Sum());

    [Theory, MemberData(nameof(Cases))]
    public void Mean_matches_the_reference(int[] shape, int[] axes, bool keepDim)
        => Check(shape, axes, keepDim, (t, a, k) => t.Mean(a, k), s => s.Average());

    [Theory, MemberData(nameof(Cases))]
    public void Max_and_Min_match_the_reference(int[] shape, int[] axes, bool keepDim)
    {
        Check(shape, axes, keepDim, (t, a, k) => t.Max(a, k), s => s.Max());
        Check(shape, axes, keepDim, (t, a, k) => t.Min(a, k), s => s.Min());
    }

    [Theory, MemberData(nameof(Cases))]
    public void Variance_matches_the_reference_biased_and_unbiased(int[] shape, int[] axes, bool keepDim)
    {
        Check(shape, axes, keepDim, (t, a, k) => t.Variance(a, k, unbiased: false), s => s.Sum(v => (v - s.Average()) * (v - s.Average())) / s.Length);
        if (new Shape(shape).Size / Math.Max(1, Kept(shape, axes)) > 1)
            Check(shape, axes, keepDim, (t, a, k) => t.Variance(a, k), s => s.Sum(v => (v - s.Average()) * (v - s.Average())) / (s.Length - 1));
    }

    [Fact]
    public void Single_axis_overloads_agree_with_the_array_form()
    {
        var x = GradCheck.Random([2, 3], 5);
        Assert.Equal(x.Mean([1], true).ToArray(), x.Mean(1, keepDim: true).ToArray());
        Assert.Equal(x.Variance([0]).ToArray(), x.Variance(0).ToArray());
        Assert.Equal(x.Max([-1]).ToArray(), x.Max(-1).ToArray());
        Assert.Equal(x.Min([0]).ToArray(), x.Min(0).ToArray());
    }

    [Fact]
    public void Variance_matches_torch_var()
    {
        // torch.tensor([1., 2., 4.]).var() and .var(unbiased=False).
        var x = Tensor.FromArray([1f, 2f, 4f]);
        Assert.Equal(2.3333332538604736f, x.Variance().Item(), 6);
        Assert.Equal(1.5555555820465088f, x.Variance(unbiased: false).Item(), 6);
        Assert.True(float.IsNaN(Tensor.FromArray([3f]).Variance().Item()));
    }

    [Fact]
    public void Max_sends_the_gradient_to_the_first_maximal_element_of_each_slice()
    {
        // PyTorch's x.max() splits it ([0, 0.5, 0.5, 0]); torch.max(x, dim) picks one element as here.
        var x = Tensor.FromArray([1f, 3f, 3f, 2f], requiresGrad: true);
        x.Max().Backward();
        Assert.Equal([0f, 1f, 0f, 0f], x.Grad!.ToArray());
        var m = Tensor.FromArray([5f, 1f, 5f, 0f, 0f, 0f], [2, 3], requiresGrad: true);
        m.Min(1).Sum().Backward();
        Assert.Equal([0f, 1f, 0f, 1f, 0f, 0f], m.Grad!.ToArray());
    }

    [Fact]
    public void Max_propagates_nan_as_pytorch()
    {
        Assert.True(float.IsNaN(Tensor.FromArray([1f, float.NaN, 3f]).Max().Item()));
        Assert.True(float.IsNaN(Tensor.FromArray([float.NaN, 1f, 3f]).Min().Item()));
    }

    [Fact]
    public void Empty_inputs_follow_pytorch()
    {
        Assert.True(float.IsNaN(Tensor.Zeros([0, 3]).Mean().Item()));
        Assert.Equal(new Shape([0]), Tensor.Zeros([0, 3]).Max(1).Shape);
        Assert.Equal(new Shape([0, 1]), Tensor.Zeros([0, 3]).Mean(1, keepDim: true).Shape);
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros([0, 3]).Max(0));
        Assert.Equal("Max: cannot reduce over an empty axis of shape [0, 3]; the result would have no value", error.Message);
        var x = GradCheck.Random([0, 3], 6);
        GradCheck.Check(t => t[0].Mean(1), _ => [], [x]);
        GradCheck.Check(t => t[0].Variance(1), _ => [], [x]);
    }

    [Fact]
    public void Bad_axes_name_the_op_the_axis_and_the_shape()
    {
        var x = Tensor.Zeros([2, 3]);
        Assert.Equal("Mean: axis 2 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Mean(2)).Message);
        Assert.Equal("Variance: axis -3 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Variance(-3)).Message);
        Assert.Equal("Max: axis 1 is given twice", Assert.Throws<ArgumentException>(() => x.Max([1, 1])).Message);
        Assert.Equal("Sum: axis 5 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Sum(5)).Message);
    }

    private static int Kept(int[] shape, int[] axes)
        => axes.Length == 0 ? 1 : shape.Where((_, d) => !axes.Any(a => (a < 0 ? a + shape.Length : a) == d)).Aggregate(1, (p, q) => p * q);

    private static void Check(int[] shape, int[] axes, bool keepDim, Func<Tensor, int[], bool, Tensor> op, Func<double[], double> f)
    {
        var x = GradCheck.Random(new Shape(shape), 1);
        GradCheck.Check(t => op(t[0], axes, keepDim), v => ReferenceReduction.Apply(v[0], shape, axes, f), [x]);
        int rank = shape.Length - (keepDim ? 0 : axes.Length == 0 ? shape.Length : axes.Length);
        Assert.Equal(rank, op(x, axes, keepDim).Rank);
    }
}
