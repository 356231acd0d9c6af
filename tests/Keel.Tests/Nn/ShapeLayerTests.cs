using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

public sealed class ShapeLayerTests
{
    [Fact]
    public void Flatten_keeps_the_batch_axis_and_passes_gradients_back_unchanged()
    {
        var x = GradCheck.Random([4, 3, 10], 1);
        GradCheck.Check(t => new Flatten().Forward(t[0]), v => v[0], [x]);
        Assert.Equal(new Shape([4, 30]), new Flatten().Forward(x).Shape);
        Assert.Equal(new Shape([4, 3, 10]), new Flatten(0, 1).Forward(Tensor.Zeros([2, 2, 3, 10])).Shape);
    }

    [Fact]
    public void FlattenConsecutive_groups_consecutive_steps_in_order()
    {
        // [B=1, T=4, C=2] → [1, 2, 4]: steps (0, 1) and (2, 3) side by side.
        var x = Tensor.Arange(8).Reshape(1, 4, 2);
        var y = new FlattenConsecutive(2).Forward(x);
        Assert.Equal(new Shape([1, 2, 4]), y.Shape);
        Assert.Equal([0f, 1, 2, 3, 4, 5, 6, 7], y.ToArray());
        var g = GradCheck.Random([3, 8, 5], 2);
        GradCheck.Check(t => new FlattenConsecutive(2).Forward(t[0]), v => v[0], [g]);
    }

    [Fact]
    public void FlattenConsecutive_drops_a_single_remaining_step_as_makemore_does()
    {
        Assert.Equal(new Shape([5, 24]), new FlattenConsecutive(3).Forward(Tensor.Zeros([5, 3, 8])).Shape);
        Assert.Equal(new Shape([5, 4, 2]), new FlattenConsecutive(2).Forward(Tensor.Zeros([5, 8])).Shape);
    }

    [Fact]
    public void FlattenConsecutive_refuses_steps_that_do_not_divide()
    {
        var error = Assert.Throws<ArgumentException>(() => new FlattenConsecutive(3).Forward(Tensor.Zeros([2, 4, 5])));
        Assert.Equal("FlattenConsecutive(3): 4 time steps in input [2, 4, 5] do not divide into groups of 3", error.Message);
    }

    [Fact]
    public void Embedding_looks_up_rows_and_accumulates_gradients_of_repeated_indices()
    {
        var layer = new Embedding(4, 2, generator: new Generator(1));
        var table = layer.Weight.ToArray();
        var indices = Tensor.FromArray(new float[,] { { 3, 0, 3 } });
        var y = layer.Forward(indices);
        Assert.Equal(new Shape([1, 3, 2]), y.Shape);
        Assert.Equal(new[] { table[6], table[7], table[0], table[1], table[6], table[7] }, y.ToArray());
        y.Backward(Tensor.FromArray([1f, 2, 3, 4, 5, 6], [1, 3, 2]));
        Assert.Equal([3f, 4, 0, 0, 0, 0, 6, 8], layer.Weight.Grad!.ToArray());
    }

    [Fact]
    public void Embedding_default_init_is_standard_normal_as_pytorch()
    {
        var values = new Embedding(1000, 50, generator: new Generator(2)).Weight.ToArray();
        Assert.InRange(Statistics.Mean(values), -0.02, 0.02);
        Assert.InRange(Statistics.Variance(values), 0.97, 1.03);
    }

    [Fact]
    public void Embedding_names_the_layer_when_an_index_is_out_of_range()
    {
        var error = Assert.Throws<ArgumentException>(() => new Embedding(27, 10).Forward(Tensor.FromArray([3f, 27f])));
        Assert.StartsWith("Embedding(27, 10): ", error.Message);
        Assert.Contains("27", error.Message[20..]);
    }
}
