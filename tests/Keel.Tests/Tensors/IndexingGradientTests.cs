using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class IndexingGradientTests
{
    [Fact]
    public void Embedding_lookup_has_shape_indices_then_row_and_scatter_adds_repeated_rows()
    {
        var table = GradCheck.Random([5, 3], 1);
        var indices = Tensor.FromArray([4f, 0f, 4f, 2f, 1f, 4f], [2, 3]);
        var y = table[indices];
        Assert.Equal(new Shape([2, 3, 3]), y.Shape);
        int[] picks = [4, 0, 4, 2, 1, 4];
        GradCheck.Check(
            t => t[0][indices],
            v => picks.SelectMany(r => v[0].Skip(r * 3).Take(3)).ToArray(),
            [table]);
    }

    [Fact]
    public void Embedding_lookup_of_a_1d_table_and_a_scalar_index()
    {
        var table = GradCheck.Random([4], 2);
        var y = table[Tensor.Scalar(2f)];
        Assert.Equal(new Shape([]), y.Shape);
        Assert.Equal(table.Data[2], y.Item());
        GradCheck.Check(t => t[0][Tensor.FromArray([3f, 3f])], v => [v[0][3], v[0][3]], [table]);
    }

    [Fact]
    public void Embedding_lookup_with_no_indices_gives_an_empty_result_and_a_zero_gradient()
    {
        var table = GradCheck.Random([4, 2], 3);
        var y = table[Tensor.Zeros([0])];
        Assert.Equal(new Shape([0, 2]), y.Shape);
        GradCheck.Check(t => (t[0][Tensor.Zeros([0])]).Sum() + t[0].Sum() * 0f, v => [0.0], [table]);
        Assert.All(table.Grad!.ToArray(), g => Assert.Equal(0f, g));
    }

    [Theory]
    [InlineData(5f, "index 5 at position [1, 0] is out of range; axis 0 of the tensor of shape [5, 3] has size 5")]
    [InlineData(-1f, "index -1 at position [1, 0] is out of range")]
    [InlineData(1.5f, "index 1.5 at position [1, 0] is not a whole number")]
    [InlineData(float.NaN, "index NaN at position [1, 0] is not a whole number")]
    public void A_bad_index_names_the_value_its_position_and_the_table_size(float bad, string expected)
    {
        var table = Tensor.Zeros([5, 3]);
        var indices = Tensor.FromArray([0f, 1f, bad, 2f], [2, 2]);
        var error = Assert.Throws<ArgumentException>(() => table[indices]);
        Assert.StartsWith("Index: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Indexing_a_scalar_is_an_error()
        => Assert.Contains("cannot index a scalar", Assert.Throws<ArgumentException>(() => Tensor.Scalar(1f)[Tensor.Zeros([1])]).Message);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void IndexSelect_picks_slices_along_an_axis(int axis)
    {
        var x = GradCheck.Random([3, 4], 4);
        var indices = Tensor.FromArray([2f, 0f, 2f]);
        int a = axis < 0 ? axis + 2 : axis;
        GradCheck.Check(
            t => t[0].IndexSelect(axis, indices),
            v => a == 0
                ? new[] { 2, 0, 2 }.SelectMany(r => v[0].Skip(r * 4).Take(4)).ToArray()
                : Enumerable.Range(0, 3).SelectMany(r => new[] { 2, 0, 2 }.Select(c => v[0][r * 4 + c])).ToArray(),
            [x]);
        Assert.Equal(a == 0 ? new Shape([3, 4]) : new Shape([3, 3]), x.IndexSelect(axis, indices).Shape);
    }

    [Fact]
    public void IndexSelect_errors_name_the_shapes()
    {
        var x = Tensor.Zeros([3, 4]);
        Assert.Equal("IndexSelect: indices must be 1-D, got shape [1, 1]", Assert.Throws<ArgumentException>(() => x.IndexSelect(0, Tensor.Zeros([1, 1]))).Message);
        Assert.Equal("IndexSelect: axis 2 is out of range for shape [3, 4]", Assert.Throws<ArgumentException>(() => x.IndexSelect(2, Tensor.Zeros([1]))).Message);
        Assert.Contains("index 4 at position [0] is out of range; axis 1", Assert.Throws<ArgumentException>(() => x.IndexSelect(1, Tensor.FromArray([4f]))).Message);
    }

    [Fact]
    public void Gather_along_axis_1_matches_torch_gather()
    {
        var x = GradCheck.Random([2, 3], 5);
        var index = Tensor.FromArray([2f, 2f, 1f, 0f], [2, 2]);
        // torch.gather(x, 1, index): y[i, j] = x[i, index[i, j]].
        GradCheck.Check(t => t[0].Gather(1, index), v => [v[0][2], v[0][2], v[0][4], v[0][3]], [x]);
    }

    [Fact]
    public void Gather_along_axis_0_with_a_smaller_index()
    {
        var x = GradCheck.Random([3, 3], 6);
        var index = Tensor.FromArray([2f, 0f, 1f, 1f], [2, 2]);
        GradCheck.Check(t => t[0].Gather(0, index), v => [v[0][6], v[0][1], v[0][3], v[0][4]], [x]);
    }

    [Fact]
    public void Gather_with_an_empty_index_gives_an_empty_result()
    {
        var x = GradCheck.Random([2, 3], 7);
        Assert.Equal(new Shape([2, 0]), x.Gather(-1, Tensor.Zeros([2, 0])).Shape);
    }

    [Fact]
    public void Gather_errors_name_the_shapes()
    {
        var x = Tensor.Zeros([2, 3]);
        Assert.Equal("Gather: index of shape [2] must have the rank of the input's shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Gather(1, Tensor.Zeros([2]))).Message);
        Assert.Equal("Gather: index of shape [3, 1] is larger than the input's shape [2, 3] along axis 0", Assert.Throws<ArgumentException>(() => x.Gather(1, Tensor.Zeros([3, 1]))).Message);
        Assert.Equal("Gather: axis 2 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Gather(2, Tensor.Zeros([2, 3]))).Message);
        Assert.Contains("index 3 at position [1, 0] is out of range; axis 1 of the input of shape [2, 3] has size 3", Assert.Throws<ArgumentException>(() => x.Gather(1, Tensor.FromArray([0f, 3f], [2, 1]))).Message);
    }
}
