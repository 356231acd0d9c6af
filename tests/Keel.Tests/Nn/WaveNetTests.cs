using Keel.Nn;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Nn;

/// <summary>makemore part 5's hierarchical network: consecutive characters fused two at a time.</summary>
public sealed class WaveNetTests
{
    private static Sequential Build() => new(
        new Embedding(27, 24), new FlattenConsecutive(2),
        new Linear(48, 128, bias: false), new BatchNorm1d(128), new Tanh(), new FlattenConsecutive(2),
        new Linear(256, 128, bias: false), new BatchNorm1d(128), new Tanh(), new FlattenConsecutive(2),
        new Linear(256, 128, bias: false), new BatchNorm1d(128), new Tanh(),
        new Linear(128, 27));

    [Fact]
    public void The_network_has_makemores_76579_parameters_and_three_axis_batch_norms()
    {
        var model = Build();
        Assert.Equal(76_579, model.ParameterCount);
        var summary = model.Summary([32, 8]);
        Assert.Contains("  [32, 4, 128]  ", Row(summary, "layers.2 (Linear)"));
        Assert.Contains("  [32, 4, 128]  ", Row(summary, "layers.3 (BatchNorm1d)"));
        Assert.Contains("  [32, 128]  ", Row(summary, "layers.10 (Linear)"));
        Assert.Contains("  [32, 27]  ", Row(summary, "layers.13 (Linear)"));
    }

    private static string Row(string summary, string layer) => summary.Split('\n').Single(line => line.StartsWith(layer + " "));

    [Fact]
    public void A_training_step_reaches_every_parameter()
    {
        var model = Build();
        var x = Tensor.RandomIntegers([4, 8], 0, 27, new Generator(1));
        var loss = Losses.CrossEntropy(model.Forward(x), Tensor.RandomIntegers([4], 0, 27, new Generator(2)));
        loss.Backward();
        Assert.All(model.NamedParameters(), p => Assert.True(p.Parameter.Grad is { } g && g.ToArray().Any(v => v != 0), $"{p.Name} got no gradient"));
    }

    [Fact]
    public void LayerNorm_layer_matches_the_formula_and_learns_its_gain_and_bias()
    {
        var layer = new LayerNorm(5);
        Assert.Equal(["weight", "bias"], layer.NamedParameters().Select(p => p.Name));
        var x = GradCheck.Random([3, 5], 4);
        GradCheck.Check(t => layer.Forward(t[0]), v => NormalizationReference.LayerNorm(v[0], 5, null, null), [x]);
        Assert.NotNull(layer.Weight!.Grad);
        var error = Assert.Throws<ArgumentException>(() => layer.Forward(Tensor.Zeros([3, 4])));
        Assert.Equal("LayerNorm([5]): expected an input whose trailing axes are [5], got [3, 4]", error.Message);
    }
}
