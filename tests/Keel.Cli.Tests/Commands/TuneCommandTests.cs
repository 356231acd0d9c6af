using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Keel.Cli.Config;
using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

public sealed class TuneCommandTests
{
    /// <summary>The small names config with a search over three kinds of parameter and the given tune block.</summary>
    internal static string TuneConfig(TempFolder folder, string tune = "{sampler: random, pruner: none, seed: 3}") => CliRun.WriteConfig(folder, yaml => yaml + $$$"""

        search:
          optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, log: true}}
          model.2.linear.out: {int: {low: 8, high: 32, step: 8}}
          train.batch_size: {categorical: [4, 8]}
        tune: {{{tune}}}
        """);

    private static List<string[]> Csv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];

    [Fact]
    public void Tune_writes_the_study_files_and_one_run_folder_per_trial()
    {
        using var folder = new TempFolder();
        var out_ = folder.File("study");
        var (code, output, error) = CliRun.Invoke("tune", TuneConfig(folder), "--trials", "4", "--workers", "2", "--out", out_);
        Assert.True(code == 0, error);
        Assert.Contains("best trial ", output);

        var csv = Csv(Path.Combine(out_, "study.csv"));
        Assert.Equal(["number", "state", "value", "params_model.2.linear.out", "params_optimizer.sgd.lr", "params_train.batch_size"], csv[0][..6]);
        Assert.Equal(["0", "1", "2", "3"], csv.Skip(1).Select(r => r[0]).Order());
        Assert.All(csv.Skip(1), r => Assert.Equal("Complete", r[1]));
        Assert.True(File.Exists(Path.Combine(out_, "study.db")));
        Assert.Equal(7, XDocument.Parse(File.ReadAllText(Path.Combine(out_, "study.html"))).Descendants(XName.Get("svg", "http://www.w3.org/2000/svg")).Count());

        foreach (var row in csv.Skip(1))
        {
            // Each trial's run folder holds the config it trained, with the trial's values and without the search block.
            var run = Path.Combine(out_, "trials", row[0]);
            var config = ConfigNode.Parse(File.ReadAllText(Path.Combine(run, "config.yaml")), "config.yaml");
            Assert.False(config.Has("search") || config.Has("tune"));
            Assert.Equal(row[3], config["model"].Items()[2]["linear"].String("out"));
            Assert.Equal(double.Parse(row[4], CultureInfo.InvariantCulture), double.Parse(config["optimizer"]["sgd"].String("lr"), CultureInfo.InvariantCulture));
            Assert.Equal(row[5], config["train"].String("batch_size"));
            Assert.Equal("1", config.String("threads")); // two workers: one kernel thread each
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
            // The trial's value is the final model's validation loss, as its metrics.json has it.
            Assert.Equal(double.Parse(row[2], CultureInfo.InvariantCulture), metrics.RootElement.GetProperty("validation_loss").GetSingle(), 6);
            Assert.Equal(40, metrics.RootElement.GetProperty("steps").GetInt64());
            Assert.True(File.Exists(Path.Combine(run, "history.csv")));
        }
    }

    [Fact]
    public void Running_again_on_the_same_folder_resumes_the_study()
    {
        using var folder = new TempFolder();
        var config = TuneConfig(folder);
        var out_ = folder.File("study");
        Assert.Equal(0, CliRun.Invoke("tune", config, "--trials", "2", "--out", out_).Code);
        var (code, output, _) = CliRun.Invoke("tune", config, "--trials", "1", "--out", out_);
        Assert.Equal(0, code);
        Assert.Contains("2 trials already stored", output);
        Assert.Equal(["0", "1", "2"], Csv(Path.Combine(out_, "study.csv")).Skip(1).Select(r => r[0]));
        Assert.True(Directory.Exists(Path.Combine(out_, "trials", "2")));
    }

    [Fact]
    public void Two_tune_commands_on_one_storage_share_the_study()
    {
        using var folder = new TempFolder();
        var config = TuneConfig(folder);
        string storage = "sqlite:///" + folder.File("shared.db");
        var runs = new[] { "a", "b" }.Select(name => Task.Run(() =>
            CliRun.Invoke("tune", config, "--trials", "2", "--storage", storage, "--study", "shared", "--out", folder.File(name)))).ToArray();
        Assert.All(runs, r => Assert.True(r.Result.Code == 0, r.Result.Error));

        // Four trials numbered 0–3 in the shared storage, each run by exactly one of the commands.
        using var shared = new Keel.Tuning.Storage.SqliteStorage(folder.File("shared.db"));
        var trials = shared.GetTrials(shared.OpenStudy("shared", Keel.Tuning.StudyDirection.Minimize));
        Assert.Equal([0, 1, 2, 3], trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(Keel.Tuning.TrialState.Complete, t.State));
        var ran = new[] { "a", "b" }.SelectMany(name => Directory.GetDirectories(Path.Combine(folder.File(name), "trials")).Select(Path.GetFileName)).Order();
        Assert.Equal(["0", "1", "2", "3"], ran);
        Assert.False(File.Exists(Path.Combine(folder.File("a"), "study.db")));
    }

    [Fact]
    public void The_grid_sampler_covers_the_grid_and_stops()
    {
        using var folder = new TempFolder();
        var config = CliRun.WriteConfig(folder, yaml => yaml + """

            search:
              model.2.linear.out: {int: {low: 8, high: 16, step: 8}}
              train.batch_size: {categorical: [4, 8]}
            tune: {sampler: grid, pruner: none}
            """);
        var out_ = folder.File("grid");
        Assert.Equal(0, CliRun.Invoke("tune", config, "--trials", "10", "--out", out_).Code);
        var points = Csv(Path.Combine(out_, "study.csv")).Skip(1).Select(r => $"{r[3]}/{r[4]}").Order();
        Assert.Equal(["16/4", "16/8", "8/4", "8/8"], points);
    }

    [Fact]
    public void The_names_tuning_example_runs_shortened()
    {
        using var folder = new TempFolder();
        var source = RepositoryPaths.InRepository("examples/names/tune.yaml");
        var config = Path.Combine(Path.GetDirectoryName(source)!, $".test-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, File.ReadAllText(source).Replace("steps: 20000, batch_size: 32, eval_every: 2000", "steps: 30, batch_size: 32, eval_every: 10", StringComparison.Ordinal));
        try
        {
            var (code, output, error) = CliRun.Invoke("tune", config, "--trials", "2", "--out", folder.File("tune"));
            Assert.True(code == 0, error);
            Assert.Contains("minimize val_loss; TpeSampler, MedianPruner", output);
            Assert.Equal(6, Csv(folder.File("tune/study.csv"))[0].Count(c => c.StartsWith("params_", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void Train_trains_the_configs_own_values_and_says_the_search_block_is_for_tune()
    {
        using var folder = new TempFolder();
        var run = folder.File("run");
        var (code, output, error) = CliRun.Invoke("train", TuneConfig(folder), "--out", run);
        Assert.True(code == 0, error);
        Assert.Contains("search block is for keel tune", output);
        var config = ConfigNode.Parse(File.ReadAllText(Path.Combine(run, "config.yaml")), "config.yaml");
        Assert.Equal(0.1f, config["optimizer"]["sgd"].Float("lr"));
    }
}
