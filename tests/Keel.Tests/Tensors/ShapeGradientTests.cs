using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class ShapeGradientTests
{
    [Theory]
    [InlineData(3, 4)]
    [InlineData(1, 5)]
    [InlineData(40, 33)]
    [InlineData(0, 3)]
    public void Transpose_matches_the_reference(int rows, int cols)
    {
        var x = GradCheck.Random([rows, cols], 1);
        GradCheck.Check(t => t[0].Transpose(), v => Enumerable.Range(0, rows * cols).Select(k => v[0][k % rows * cols + k / rows]).ToArray(), [x]);
        Assert.Equal(new Shape([cols, rows]), x.T.Shape);
    }

    [Fact]
    public void Transpose_of_a_non_matrix_names_the_shape()
        => Assert.Equal("Transpose: needs a 2-D tensor, got shape [2, 3, 4]", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3, 4]).T).Message);

    [Fact]
    public void Range_slices_take_rows_of_the_first_axis()
    {
        var x = GradCheck.Random([6, 2], 2);
        GradCheck.Check(t => t[0][2..5], v => v[0][4..10], [x]);
        GradCheck.Check(t => t[0][^2..], v => v[0][8..12], [x]);
        GradCheck.Check(t => t[0].Slice(1, 0), _ => [], [x]);
        Assert.Equal(new Shape([3, 2]), x[2..5].Shape);
        Assert.Equal(x.ToArray(), x[..].ToArray());
    }

    [Fact]
    public void Slices_of_a_vector_and_an_empty_tensor()
    {
        var v = GradCheck.Random([5], 3);
        GradCheck.Check(t => t[0].Slice(4, 1), p => [p[0][4]], [v]);
        Assert.Equal(new Shape([0, 3]), Tensor.Zeros([0, 3])[0..0].Shape);
    }

    [Fact]
    public void Slices_outside_the_axis_name_the_rows_and_the_shape()
    {
        var x = Tensor.Zeros([4, 2]);
        Assert.Equal("Slice: range 2..5 is outside the first axis of shape [4, 2] (rows 0..4)", Assert.Throws<ArgumentException>(() => x[2..5]).Message);
        Assert.Equal("Slice: rows 3..5 are outside the first axis of shape [4, 2] (rows 0..4)", Assert.Throws<ArgumentException>(() => x.Slice(3, 2)).Message);
        Assert.Contains("cannot slice a scalar", Assert.Throws<ArgumentException>(() => Tensor.Scalar(1f)[0..1]).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    public void Concat_matches_the_reference(int axis)
    {
        int a = axis < 0 ? axis + 2 : axis;
        var x = GradCheck.Random(a == 0 ? [2, 3] : [3, 2], 4);
        var y = GradCheck.Random(a == 0 ? [1, 3] : [3, 1], 5);
        var z = Tensor.Zeros(a == 0 ? [0, 3] : [3, 0], requiresGrad: true);
        GradCheck.Check(
            t => Tensor.Concat(t, axis),
            v => a == 0 ? [.. v[0], .. v[1]] : Enumerable.Range(0, 3).SelectMany(r => new[] { v[0][2 * r], v[0][2 * r + 1], v[1][r] }).ToArray(),
            [x, y, z]);
        Assert.Equal(a == 0 ? new Shape([3, 3]) : new Shape([3, 3]), Tensor.Concat([x, y], axis).Shape);
    }

    [Fact]
    public void Concat_passes_gradients_only_to_inputs_that_need_them()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var constant = Tensor.Ones([3]);
        (Tensor.Concat([x, constant]) * 2f).Sum().Backward();
        Assert.Equal([2f, 2f], x.Grad!.ToArray());
        Assert.Null(constant.Grad);
    }

    [Fact]
    public void Concat_errors_name_the_shapes()
    {
        Assert.Equal("Concat: shapes [2, 3], [2, 4] differ outside axis 0", Assert.Throws<ArgumentException>(() => Tensor.Concat([Tensor.Zeros([2, 3]), Tensor.Zeros([2, 4])])).Message);
        Assert.Equal("Concat: shapes [2, 3], [3] differ outside axis 0", Assert.Throws<ArgumentException>(() => Tensor.Concat([Tensor.Zeros([2, 3]), Tensor.Zeros([3])])).Message);
        Assert.Equal("Concat: needs at least one tensor", Assert.Throws<ArgumentException>(() => Tensor.Concat([])).Message);
        Assert.Equal("Concat: axis 2 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => Tensor.Concat([Tensor.Zeros([2, 3])], 2)).Message);
    }

    [Fact]
    public void Unsqueeze_and_Squeeze_follow_pytorch()
    {
        var x = GradCheck.Random([2, 3], 6);
        Assert.Equal(new Shape([1, 2, 3]), x.Unsqueeze(0).Shape);
        Assert.Equal(new Shape([2, 3, 1]), x.Unsqueeze(-1).Shape);
        Assert.Equal(new Shape([2, 1, 3]), x.Unsqueeze(1).Shape);
        var y = Tensor.Zeros([1, 2, 1, 3]);
        Assert.Equal(new Shape([2, 3]), y.Squeeze().Shape);
        Assert.Equal(new Shape([1, 2, 3]), y.Squeeze(2).Shape);
        Assert.Equal(new Shape([1, 2, 1, 3]), y.Squeeze(1).Shape);
        Assert.Equal(new Shape([]), Tensor.Zeros([1, 1]).Squeeze().Shape);
        Assert.Equal(new Shape([]), Tensor.Scalar(2f).Squeeze(-1).Shape);
        GradCheck.Check(t => t[0].Unsqueeze(1).Squeeze(), v => v[0], [x]);
        Assert.Contains("Unsqueeze: axis 3 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Unsqueeze(3)).Message);
        Assert.Contains("Squeeze: axis 2 is out of range for shape [2, 3]", Assert.Throws<ArgumentException>(() => x.Squeeze(2)).Message);
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 4, 5 })]
    [InlineData(new[] { 2, 3, 4 }, new[] { 4, 2 })]
    [InlineData(new[] { 1, 1 }, new[] { 1, 1 })]
    [InlineData(new[] { 0, 4 }, new[] { 4, 3 })]
    [InlineData(new[] { 3, 0 }, new[] { 0, 2 })]
    public void MatMul_matches_the_reference(int[] aShape, int[] bShape)
    {
        var a = GradCheck.Random(new Shape(aShape), 7);
        var b = GradCheck.Random(new Shape(bShape), 8);
        int k = bShape[0], n = bShape[1], m = aShape[..^1].Aggregate(1, (p, q) => p * q);
        GradCheck.Check(
            t => t[0].MatMul(t[1]),
            v => Enumerable.Range(0, m * n).Select(ij => Enumerable.Range(0, k).Sum(p => v[0][ij / n * k + p] * v[1][p * n + ij % n])).ToArray(),
            [a, b]);
        Assert.Equal(new Shape([.. aShape[..^1], n]), a.MatMul(b).Shape);
    }

    [Fact]
    public void MatMul_with_mismatched_shapes_names_both()
        => Assert.Equal("MatMul: shapes [2, 3] and [4, 5] do not multiply; expected [..., k] @ [k, n]", Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3]).MatMul(Tensor.Zeros([4, 5]))).Message);

    [Theory]
    [InlineData(new[] { 2, 6 }, new[] { 3, -1 })]
    [InlineData(new[] { 2, 6 }, new[] { -1 })]
    [InlineData(new[] { 12 }, new[] { 2, -1, 3 })]
    [InlineData(new[] { 1 }, new int[0])]
    [InlineData(new[] { 0, 3 }, new[] { -1, 3 })]
    public void Reshape_keeps_values_and_infers_minus_one(int[] from, int[] to)
    {
        var x = GradCheck.Random(new Shape(from), 9);
        GradCheck.Check(t => t[0].Reshape(to), v => v[0], [x]);
    }

    [Fact]
    public void Reshape_errors_name_the_shapes()
    {
        var x = Tensor.Zeros([2, 6]);
        Assert.Equal("Reshape: cannot reshape [2, 6] (12 elements) to [5, -1]", Assert.Throws<ArgumentException>(() => x.Reshape(5, -1)).Message);
        Assert.Equal("Reshape: only one axis may be -1, got [-1, -1]", Assert.Throws<ArgumentException>(() => x.Reshape(-1, -1)).Message);
    }
}
