using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class AutogradTests
{
    [Fact]
    public void Gradients_accumulate_across_backward_calls_until_zeroed()
    {
        var w = Tensor.FromArray([1f, 2f], requiresGrad: true);
        (w * 3f).Sum().Backward();
        (w * 3f).Sum().Backward();
        Assert.Equal([6f, 6f], w.Grad!.ToArray());
        w.ZeroGrad();
        Assert.Equal([0f, 0f], w.Grad!.ToArray());
    }

    [Fact]
    public void A_dropped_gradient_is_null_until_backward_writes_a_new_one_over_its_buffer()
    {
        var w = Tensor.FromArray([1f, 2f], requiresGrad: true);
        (w * 3f).Sum().Backward();
        w.ZeroGrad(setToNone: true);
        Assert.Null(w.Grad);
        (w * w).Sum().Backward();
        Assert.Equal([2f, 4f], w.Grad!.ToArray());
        w.ZeroGrad(setToNone: true);
        (w * 5f).Sum().Backward();
        Assert.Equal([5f, 5f], w.Grad!.ToArray());
    }

    [Fact]
    public void A_tensor_feeding_several_ops_gets_the_sum_of_their_gradients_whichever_writes_first()
    {
        // The first op to reach x's gradient writes it (no cleared buffer), the later ones add to it:
        // each order of the four contributions must give the sum of the gradients taken one at a time.
        var data = new[] { 0.3f, -1.2f, 0.8f, 2f, -0.4f, 0.1f };
        var w = Tensor.FromArray([0.5f, -1f, 2f, 0.25f, 1f, -0.5f]).Reshape(3, 2);
        Func<Tensor, Tensor>[] parts =
        [
            x => x.Tanh().Sum(),
            x => (x.Reshape(3, 2) * 3f).Sum(),
            x => (x.Linear(w) * x.Linear(w)).Sum(),
            x => (x.BatchNorm(null, null, null, null, training: true) * x).Sum(),
        ];
        var expected = new float[6];
        foreach (var part in parts)
        {
            var x = Tensor.FromArray(data, requiresGrad: true).Reshape(2, 3).Retain();
            part(x).Backward();
            for (int i = 0; i < 6; i++) expected[i] += x.Grad!.Data[i];
        }
        foreach (var order in new[] { new[] { 0, 1, 2, 3 }, new[] { 3, 2, 1, 0 }, new[] { 2, 0, 3, 1 } })
        {
            var x = Tensor.FromArray(data, requiresGrad: true).Reshape(2, 3).Retain();
            var loss = parts[order[0]](x);
            foreach (int k in order[1..]) loss = loss + parts[k](x);
            loss.Backward();
            for (int i = 0; i < 6; i++) Assert.Equal(expected[i], x.Grad!.Data[i], 5);
        }
    }

    [Fact]
    public void Backward_from_a_non_scalar_without_a_gradient_names_the_shape()
    {
        var x = Tensor.Ones([2, 3], requiresGrad: true);
        var error = Assert.Throws<InvalidOperationException>(() => x.Tanh().Backward());
        Assert.Contains("[2, 3]", error.Message);
    }

    [Fact]
    public void Backward_twice_through_a_released_graph_is_an_error_and_retainGraph_allows_it()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var loss = x.Tanh().Sum();
        loss.Backward(retainGraph: true);
        loss.Backward();
        var error = Assert.Throws<InvalidOperationException>(() => loss.Backward());
        Assert.Contains("already released", error.Message);
        Assert.Equal(2f * (1f - MathF.Tanh(1f) * MathF.Tanh(1f)), x.Grad!.Data[0], 5);
    }

    [Fact]
    public void The_root_keeps_its_value_after_backward_but_intermediates_are_released_unless_retained()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        var hidden = x.Tanh();
        var kept = (hidden * 2f).Retain();
        var loss = kept.Sum();
        loss.Backward();
        Assert.Equal(4f * MathF.Tanh(1f), loss.Item(), 5);
        Assert.Equal(2f * MathF.Tanh(1f), kept.Data[0], 5);
        Assert.Equal([1f, 1f], kept.Grad!.ToArray());
        var error = Assert.Throws<InvalidOperationException>(() => hidden.Data[0]);
        Assert.Contains("Retain()", error.Message);
    }

    [Fact]
    public void Detach_and_no_grad_record_nothing()
    {
        var x = Tensor.Ones([2], requiresGrad: true);
        Assert.Null(x.Detach().Tanh().GradFn);
        using (GradMode.NoGrad())
        {
            var y = x.Tanh();
            Assert.Null(y.GradFn);
            Assert.False(y.RequiresGrad);
        }
        Assert.Equal("Tanh", x.Tanh().GradFn);
    }

    [Fact]
    public void Ops_on_inputs_that_need_no_grad_record_nothing()
    {
        var y = Tensor.Ones([2]).Tanh() * 2f;
        Assert.True(y.IsLeaf);
        Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
    }

    [Fact]
    public void A_diamond_graph_sums_both_paths()
    {
        var x = GradCheck.Random([4], 9);
        GradCheck.Check(
            t => { var h = t[0].Tanh(); return h * h + h; },
            v => v[0].Select(p => Math.Tanh(p) * Math.Tanh(p) + Math.Tanh(p)).ToArray(),
            [x]);
    }

    [Fact]
    public void ToString_shows_values_shape_and_grad_fn()
    {
        var x = Tensor.FromArray(new float[,] { { 1, 2 }, { 3, 4 } }, requiresGrad: true);
        Assert.Equal("tensor([[1.0000, 2.0000],\n        [3.0000, 4.0000]], shape=[2, 2], requires_grad=True)", x.ToString());
        Assert.EndsWith("grad_fn=Tanh)", x.Tanh().ToString());
    }
}
