using System.Text.Json;
using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary>The shipped example configs parse, build and train (shortened where the full run is long).</summary>
public sealed class ExampleConfigTests
{
    /// <summary>Trains <paramref name="example"/> (its text edited by <paramref name="shorten"/>) into <paramref name="folder"/>; the metrics and the printed output.</summary>
    internal static (JsonElement Metrics, string Output) TrainWithOutput(TempFolder folder, string example, Func<string, string>? shorten = null)
    {
        var source = RepositoryPaths.InRepository(example);
        var config = Path.Combine(Path.GetDirectoryName(source)!, $".test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, shorten is null ? File.ReadAllText(source) : shorten(File.ReadAllText(source)));
        try
        {
            var run = folder.File("run");
            var (code, output, error) = CliRun.Invoke("train", config, "--out", run);
            Assert.True(code == 0, error);
            return (JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json"))).RootElement.Clone(), output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static JsonElement Train(TempFolder folder, string example, Func<string, string>? shorten = null)
        => TrainWithOutput(folder, example, shorten).Metrics;

    /// <summary>Replaces the config's <c>train:</c> budget (steps or epochs) with a few steps.</summary>
    internal static string FewSteps(string yaml, int steps, int batchSize) =>
        System.Text.RegularExpressions.Regex.Replace(yaml, @"train: \{(steps|epochs): \d+, batch_size: \d+, eval_every: \d+\}", $"train: {{steps: {steps}, batch_size: {batchSize}, eval_every: 10}}");

    [Fact]
    public void The_wine_example_standardizes_on_train_and_classifies_the_test_split()
    {
        using var folder = new TempFolder();
        var metrics = Train(folder, "examples/wine/wine.yaml");
        Assert.True(metrics.GetProperty("test_accuracy").GetSingle() >= 0.85f, metrics.ToString());
        Assert.True(File.Exists(folder.File("run/standardizer.json")));
    }

    [Theory]
    [InlineData("examples/names/quick.yaml")]
    [InlineData("examples/names/mlp.yaml")]
    [InlineData("examples/names/wavenet.yaml")]
    public void The_names_examples_build_and_train_a_few_steps(string example)
    {
        using var folder = new TempFolder();
        var metrics = Train(folder, example, yaml => FewSteps(yaml, 30, 32));
        Assert.Equal(30, metrics.GetProperty("steps").GetInt64());
        Assert.True(metrics.GetProperty("validation_loss").GetSingle() < 3.4f);
    }

    [Theory]
    [InlineData("examples/batchnorm/poor-init.yaml", true)]
    [InlineData("examples/batchnorm/good-init.yaml", false)]
    [InlineData("examples/batchnorm/batchnorm.yaml", false)]
    public void The_batchnorm_examples_train_a_few_steps_and_only_the_poor_init_is_flagged(string example, bool flagged)
    {
        using var folder = new TempFolder();
        var metrics = Train(folder, example, yaml => yaml
            .Replace("steps: 4000, batch_size: 32, eval_every: 200", "steps: 40, batch_size: 32, eval_every: 20", StringComparison.Ordinal)
            .Replace("every: 20}", "every: 5}", StringComparison.Ordinal));
        Assert.Equal(40, metrics.GetProperty("steps").GetInt64());
        var (code, output, error) = CliRun.Invoke("diagnose", folder.File("run"), "--json");
        Assert.True(code == 0, error);
        var kinds = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        if (flagged)
        {
            Assert.Contains("saturation", kinds);
            Assert.Contains("initial_loss", kinds);
        }
        else
        {
            Assert.True(kinds.Count == 0, output);
        }
    }

    [Fact]
    public void The_wavenet_example_builds_makemore_part_5s_76579_parameter_model()
    {
        using var folder = new TempFolder();
        var (_, output) = TrainWithOutput(folder, "examples/names/wavenet.yaml", yaml => FewSteps(yaml, 2, 32));
        // 27·24 + 48·128 + 3·(2·128) + 2·(256·128) + 128·27 + 27, as makemore part 5 prints.
        Assert.Contains("76,579 parameters", output);
    }

    [Fact]
    public void The_mnist_10k_example_shuffles_the_class_sorted_files_before_splitting()
    {
        using var folder = new TempFolder();
        var metrics = Train(folder, "examples/mnist-10k/mnist.yaml", yaml => FewSteps(yaml, 60, 64));
        Assert.Equal(60, metrics.GetProperty("steps").GetInt64());
        // The files are sorted by class: unshuffled, the test split would hold only 9s (and the
        // training split none), and accuracy on it would be near zero.
        Assert.True(metrics.GetProperty("test_accuracy").GetSingle() > 0.6f, metrics.ToString());
    }
}
