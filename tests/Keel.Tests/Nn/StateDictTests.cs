using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

public sealed class StateDictTests
{
    private static Sequential Model(ulong seed, int hidden = 8) => new(
        new Linear(4, hidden, bias: false, generator: new Generator(seed)), new BatchNorm1d(hidden), new Tanh(),
        new Linear(hidden, 3, generator: new Generator(seed + 1)));

    [Fact]
    public void A_state_dict_round_trip_copies_parameters_and_buffers()
    {
        var source = Model(1);
        source.Forward(Tensor.Normal([6, 4], new Generator(5)));
        var target = Model(10);
        var snapshot = source.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Detach());

        var result = target.LoadStateDict(snapshot);

        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        foreach (var (name, tensor) in target.StateDict()) Assert.Equal(snapshot[name].ToArray(), tensor.ToArray());
        source.Eval();
        target.Eval();
        var probe = Tensor.Normal([3, 4], new Generator(6));
        Assert.Equal(source.Forward(probe).ToArray(), target.Forward(probe).ToArray());
    }

    [Fact]
    public void A_mis_shaped_tensor_is_named_with_both_shapes_and_nothing_is_copied()
    {
        var target = Model(1);
        var before = target.Parameters().First().ToArray();
        var error = Assert.Throws<ArgumentException>(() => target.LoadStateDict(Model(2, hidden: 5).StateDict()));
        Assert.Contains("size mismatch for \"layers.0.weight\": the state dict has shape [4, 5], the model has shape [4, 8]", error.Message);
        Assert.Contains("\"layers.1.running_var\": the state dict has shape [5], the model has shape [8]", error.Message);
        Assert.Equal(before, target.Parameters().First().ToArray());
    }

    [Fact]
    public void Missing_and_unexpected_names_fail_when_strict_and_are_reported_otherwise()
    {
        var state = Model(1).StateDict().Where(kv => kv.Key != "layers.3.bias").ToDictionary();
        state["layers.9.weight"] = Tensor.Zeros([1]);

        var error = Assert.Throws<ArgumentException>(() => Model(2).LoadStateDict(state));
        Assert.Contains("missing: \"layers.3.bias\"", error.Message);
        Assert.Contains("unexpected: \"layers.9.weight\"", error.Message);

        var result = Model(2).LoadStateDict(state, strict: false);
        Assert.Equal(["layers.3.bias"], result.MissingKeys);
        Assert.Equal(["layers.9.weight"], result.UnexpectedKeys);
    }

    [Fact]
    public void The_state_dict_holds_the_live_tensors()
    {
        var model = Model(1);
        model.StateDict()["layers.1.running_mean"].Data.Fill(7f);
        Assert.All(((BatchNorm1d)model[1]).RunningMean!.ToArray(), v => Assert.Equal(7f, v));
    }
}
