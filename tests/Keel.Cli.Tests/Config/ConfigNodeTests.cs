using Keel.Cli.Config;

namespace Keel.Cli.Tests.Config;

public sealed class ConfigNodeTests
{
    private const string Yaml = """
        seed: 42
        optimizer: {sgd: {lr: 0.1, momentum: 0.9}}
        model:
          - linear: {out: 200, bias: false}
          - tanh
        train: {steps: 200_000}
        """;

    [Fact]
    public void Typed_reads_follow_key_paths()
    {
        var root = ConfigNode.Parse(Yaml, "run.yaml");
        Assert.Equal(42, root.Long("seed", 0));
        var (tag, body) = root["optimizer"].Tagged();
        Assert.Equal("sgd", tag);
        Assert.Equal(0.1f, body.Float("lr"));
        Assert.Equal(200_000, root["train"].Long("steps", 0));
        var layers = root["model"].Items();
        Assert.Equal(("linear", false), (layers[0].Tagged().Tag, layers[0].Tagged().Body.Bool("bias", true)));
        Assert.Equal("tanh", layers[1].Tagged().Tag);
    }

    [Fact]
    public void A_bad_value_names_the_file_and_key_path()
    {
        var root = ConfigNode.Parse("optimizer: {sgd: {lr: fast}}", "run.yaml");
        var error = Assert.Throws<ConfigException>(() => root["optimizer"]["sgd"].Float("lr"));
        Assert.Equal("run.yaml: optimizer.sgd.lr: expected a number, got 'fast'", error.Message);
    }

    [Fact]
    public void An_unread_key_is_reported_as_unknown()
    {
        var root = ConfigNode.Parse("train: {steps: 10, batchsize: 4}", "run.yaml");
        var train = root["train"];
        train.Long("steps", 0);
        train.Int("batch_size", 32);
        var error = Assert.Throws<ConfigException>(train.RejectUnknownKeys);
        Assert.Equal("run.yaml: unknown key 'train.batchsize'", error.Message);
    }

    [Fact]
    public void Syntax_errors_name_the_file_and_where_known_the_line()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigNode.Parse("a: 1\n  b: : 3\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml: line 2", error.Message);
        var unclosed = Assert.Throws<ConfigException>(() => ConfigNode.Parse("a: [1, 2\nb: 3", "bad.yaml"));
        Assert.StartsWith("bad.yaml: ", unclosed.Message);
    }

    [Fact]
    public void Applied_defaults_appear_in_the_resolved_yaml()
    {
        var root = ConfigNode.Parse("train: {steps: 10}", "run.yaml");
        root["train"].Int("batch_size", 32);
        root["guard"].String("on_nonfinite", "skip");
        root.Set("optimizer.sgd.lr", "0.05");
        var resolved = ConfigNode.Parse(root.ToYaml(), "resolved.yaml");
        Assert.Equal(32, resolved["train"].Int("batch_size", 0));
        Assert.Equal(10, resolved["train"].Int("steps", 0));
        Assert.Equal("skip", resolved["guard"].String("on_nonfinite", null));
        Assert.Equal(0.05f, resolved["optimizer"]["sgd"].Float("lr"));
    }

    [Fact]
    public void Set_indexes_lists_with_numbers_and_find_and_remove_follow_the_same_paths()
    {
        var root = ConfigNode.Parse(Yaml + "\nschedule: {piecewise_constant: {boundaries: [10], values: [0.1, 0.01]}}", "run.yaml");
        root.Set("model.0.linear.out", "64");
        root.Set("schedule.piecewise_constant.values.1", "0.005");
        Assert.Equal("64", root.Find("model.0.linear.out")?.AsString());
        Assert.Equal("model[0].linear.out", root.Find("model.0.linear.out")?.Path);
        Assert.Null(root.Find("model.2.linear"));
        Assert.Null(root.Find("optimiser.sgd"));
        Assert.True(root.Remove("train"));
        Assert.False(root.Remove("train"));

        var resolved = ConfigNode.Parse(root.ToYaml(), "resolved.yaml");
        Assert.Equal(64, resolved["model"].Items()[0]["linear"].Int("out", 0));
        Assert.Equal([0.1f, 0.005f], resolved["schedule"]["piecewise_constant"].FloatList("values"));
        Assert.False(resolved.Has("train"));
        var error = Assert.Throws<ConfigException>(() => root.Set("model.5.linear.out", "8"));
        Assert.Equal("run.yaml: model: '5' is not an index of this list of 2 items", error.Message);
    }
}
