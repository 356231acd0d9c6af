using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary>A user's mistake ends with exactly one line naming the problem and exit code 2.</summary>
public sealed class TrainErrorTests
{
    private static string OneLineError(TempFolder folder, Func<string, string> edit)
    {
        var config = CliRun.WriteConfig(folder, edit);
        var (code, _, error) = CliRun.Invoke("train", config, "--out", folder.File("out"));
        Assert.Equal(2, code);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        return lines[0].Replace(folder.Path, "<dir>", StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_names_the_key_and_the_file()
    {
        using var folder = new TempFolder();
        Assert.Equal("keel: <dir>/run.yaml: data.text: file not found: <dir>/missing.txt",
            OneLineError(folder, yaml => yaml.Replace("text: names.txt", "text: missing.txt", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_key_is_named_with_its_path()
    {
        using var folder = new TempFolder();
        Assert.Equal("keel: <dir>/run.yaml: unknown key 'optimizer.sgd.learning_rate'",
            OneLineError(folder, yaml => yaml.Replace("{lr: 0.1,", "{learning_rate: 0.1,", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_negative_learning_rate_is_named()
    {
        using var folder = new TempFolder();
        var line = OneLineError(folder, yaml => yaml.Replace("lr: 0.1", "lr: -0.1", StringComparison.Ordinal));
        Assert.StartsWith("keel: <dir>/run.yaml: optimizer.sgd: ", line);
        Assert.Contains("-0.1", line);
    }

    [Fact]
    public void A_layer_that_does_not_fit_names_the_layer_and_both_sizes()
    {
        using var folder = new TempFolder();
        Assert.Equal("keel: <dir>/run.yaml: model[2]: linear expects 40 inputs but the previous layer gives [12]",
            OneLineError(folder, yaml => yaml.Replace("linear: {out: 16, bias: false}", "linear: {in: 40, out: 16, bias: false}", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_config_file_is_named()
    {
        var (code, _, error) = CliRun.Invoke("train", "/nonexistent/run.yaml");
        Assert.Equal(2, code);
        Assert.Equal("keel: config file not found: /nonexistent/run.yaml\n", error);
    }

    [Fact]
    public void An_unknown_option_is_reported_by_the_parser()
    {
        var (code, _, error) = CliRun.Invoke("train", "x.yaml", "--epochz", "3");
        Assert.Equal(2, code);
        Assert.StartsWith("keel: ", error);
        Assert.Contains("--epochz", error);
    }
}
