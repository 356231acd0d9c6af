using Keel.Tensors;

namespace Keel.Tests.Tensors;

public sealed class ArgMaxTests
{
    [Fact]
    public void ArgMax_and_ArgMin_give_the_first_winning_index_along_an_axis()
    {
        // torch.argmax / argmin on [[1, 5, 5], [7, 0, 7]].
        var x = Tensor.FromArray([1f, 5f, 5f, 7f, 0f, 7f], [2, 3], requiresGrad: true);
        Assert.Equal([1f, 0f], x.ArgMax().ToArray());
        Assert.Equal([1f, 0f, 1f], x.ArgMax(0).ToArray());
        Assert.Equal([0f, 1f, 0f], x.ArgMin(0).ToArray());
        Assert.Equal([0f, 1f], x.ArgMin(1).ToArray());
        Assert.Equal(new Shape([2, 1]), x.ArgMax(-1, keepDim: true).Shape);
        Assert.False(x.ArgMax().RequiresGrad);
    }

    [Fact]
    public void ArgMax_of_a_middle_axis()
    {
        var x = Tensor.Arange(24).Reshape(2, 3, 4);
        Assert.Equal(Enumerable.Repeat(2f, 8).ToArray(), x.ArgMax(1).ToArray());
        Assert.Equal(Enumerable.Repeat(0f, 8).ToArray(), x.ArgMin(1).ToArray());
    }

    [Fact]
    public void ArgMax_errors_name_the_axis_and_shape()
    {
        Assert.Equal("ArgMax: axis 2 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3]).ArgMax(2)).Message);
        Assert.Equal("ArgMin: cannot reduce over an empty axis of shape [2, 0]; the result would have no value", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 0]).ArgMin()).Message);
    }
}
