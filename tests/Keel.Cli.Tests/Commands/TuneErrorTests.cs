using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary>A mistake in a search or tune block ends with one line naming the key, and exit code 2.</summary>
public sealed class TuneErrorTests
{
    private static string OneLineError(TempFolder folder, string blocks, params string[] options)
    {
        var config = CliRun.WriteConfig(folder, yaml => yaml + "\n" + blocks);
        var (code, _, error) = CliRun.Invoke(["tune", config, "--trials", "2", "--out", folder.File("out"), .. options]);
        Assert.Equal(2, code);
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        return lines[0].Replace(folder.Path, "<dir>", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tune: {sampler: random}", "keel: <dir>/run.yaml: search: keel tune needs a search block mapping config keys to distributions, such as optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, log: true}}")]
    [InlineData("search: {optimizer.sgd.lr: {floaty: {low: 0.01, high: 0.5}}}", "keel: <dir>/run.yaml: search.optimizer.sgd.lr: unknown distribution 'floaty' (float, int or categorical)")]
    [InlineData("search: {optimiser.sgd.lr: {float: {low: 0.01, high: 0.5}}}", "keel: <dir>/run.yaml: search.optimiser.sgd.lr: the config has no 'optimiser.sgd' to set 'lr' in (write the section with its default value first)")]
    [InlineData("search: {model.9.linear.out: {int: {low: 8, high: 16}}}", "keel: <dir>/run.yaml: search.model.9.linear.out: the config has no 'model.9.linear' to set 'out' in (write the section with its default value first)")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.5, high: 0.01}}}", "keel: <dir>/run.yaml: search.optimizer.sgd.lr: Invalid float range: low 0.5 must be ≤ high 0.01, both finite.")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, lg: true}}}", "keel: <dir>/run.yaml: unknown key 'search.optimizer.sgd.lr.float.lg'")]
    [InlineData("search: {train.batch_size: {categorical: [4, {a: 1}]}}", "keel: <dir>/run.yaml: search.train.batch_size.categorical[1]: a categorical choice must be a single value")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5}}}\ntune: {sampler: bayes}", "keel: <dir>/run.yaml: tune.sampler: unknown sampler 'bayes' (tpe, random or grid)")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5}}}\ntune: {pruner: {median: {n_startup: 3}}}", "keel: <dir>/run.yaml: unknown key 'tune.pruner.median.n_startup'")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5}}}\ntune: {metric: loss}", "keel: <dir>/run.yaml: tune.metric: expected val_loss or val_accuracy, got 'loss'")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5}}}\ntune: {direction: maximize}", "keel: <dir>/run.yaml: tune.direction: val_loss is minimized, so the direction must be minimize")]
    [InlineData("search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, log: true, step: 0.1}}}", "keel: <dir>/run.yaml: search.optimizer.sgd.lr: A float parameter cannot have both log: true and step 0.1.")]
    public void A_bad_search_or_tune_block_names_the_key(string blocks, string expected)
    {
        using var folder = new TempFolder();
        Assert.Equal(expected, OneLineError(folder, blocks));
    }

    [Fact]
    public void A_searched_value_the_config_rejects_stops_the_study_naming_the_config_key()
    {
        using var folder = new TempFolder();
        var line = OneLineError(folder, "search: {model.2.linear.out: {categorical: [wide]}}");
        Assert.Equal("keel: <dir>/run.yaml: model[2].linear.out: expected a whole number, got 'wide'", line);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        using var folder = new TempFolder();
        const string Search = "search: {optimizer.sgd.lr: {float: {low: 0.01, high: 0.5}}}";
        Assert.Equal("keel: --workers must be at least 1, got 0", OneLineError(folder, Search, "--workers", "0"));
        Assert.StartsWith("keel: Unknown storage URL 'mysql://x'", OneLineError(folder, Search, "--storage", "mysql://x"));
    }
}
