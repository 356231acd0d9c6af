using System.Diagnostics;
using System.Text.Json;
using Keel.Cli.Config;
using Keel.Serialization;
using Keel.TestKit;
using Keel.Training;

namespace Keel.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_writes_the_run_folder_and_prints_the_losses_and_samples()
    {
        using var folder = new TempFolder();
        var config = CliRun.WriteConfig(folder);
        var run = folder.File("run");
        var (code, output, error) = CliRun.Invoke("train", config, "--out", run);
        Assert.True(code == 0, error);
        Assert.Contains("validation", output);
        Assert.Contains("samples: ", output);

        foreach (var file in new[] { "config.yaml", "history.csv", "metrics.json", "model.safetensors", "checkpoint.safetensors", "vocabulary.json" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} is missing");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.Equal(40, metrics.RootElement.GetProperty("steps").GetInt64());
        foreach (var key in new[] { "train_loss", "validation_loss", "test_loss", "wall_seconds" })
            Assert.True(metrics.RootElement.TryGetProperty(key, out _), $"metrics.json lacks {key}");
        Assert.Equal(4, TrainingHistory.FromCsv(File.ReadAllText(Path.Combine(run, "history.csv"))).Rows.Count);

        // The resolved config records the defaults the run used and builds the same run again.
        var resolved = ConfigNode.Parse(File.ReadAllText(Path.Combine(run, "config.yaml")), "config.yaml");
        Assert.Equal(4096, resolved["train"].Int("eval_batch_size", 0));
        Assert.Equal(0.0f, resolved["optimizer"]["sgd"].Float("dampening", -1f));
        Assert.Equal(16, SafeTensorsFile.Read(Path.Combine(run, "model.safetensors")).Tensors["layers.2.weight"].Shape[1]);
    }

    [Fact]
    public void Resume_continues_an_interrupted_run_to_the_same_weights()
    {
        using var folder = new TempFolder();
        var full = folder.File("full");
        Assert.Equal(0, CliRun.Invoke("train", CliRun.WriteConfig(folder), "--out", full).Code);

        // Half the budget, then the same config's full budget resumed from the half-way checkpoint.
        var halfConfig = CliRun.WriteConfig(folder, yaml => yaml.Replace("steps: 40", "steps: 20", StringComparison.Ordinal));
        var half = folder.File("half");
        Assert.Equal(0, CliRun.Invoke("train", halfConfig, "--out", half).Code);
        var resolved = File.ReadAllText(Path.Combine(half, "config.yaml")).Replace("steps: 20", "steps: 40", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(half, "config.yaml"), resolved);
        var (code, _, error) = CliRun.Invoke("train", "--resume", half);
        Assert.True(code == 0, error);

        var expected = SafeTensorsFile.Read(Path.Combine(full, "model.safetensors")).Tensors;
        var actual = SafeTensorsFile.Read(Path.Combine(half, "model.safetensors")).Tensors;
        foreach (var (name, tensor) in expected) Assert.Equal(tensor.ToArray(), actual[name].ToArray());
        // The diagnostics continue the same file: every probe and evaluation, as in the uninterrupted run.
        Assert.Equal(File.ReadAllText(Path.Combine(full, "diagnostics.jsonl")), File.ReadAllText(Path.Combine(half, "diagnostics.jsonl")));
    }

    [Fact]
    public void A_killed_run_leaves_only_whole_files_and_its_last_checkpoint_resumes()
    {
        using var folder = new TempFolder();
        var config = CliRun.WriteConfig(folder, yaml => yaml
            .Replace("steps: 40, batch_size: 8, eval_every: 10", "steps: 100000000, batch_size: 8, eval_every: 50", StringComparison.Ordinal), words: 2000);
        var run = folder.File("run");
        var cli = Path.Combine(AppContext.BaseDirectory, "Keel.Cli.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "train", config, "--out", run]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var checkpoint = Path.Combine(run, "checkpoint.safetensors");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(checkpoint) && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(50);
        Thread.Sleep(700);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.True(File.Exists(checkpoint), "no checkpoint was written within a minute");
        ConfigNode.Parse(File.ReadAllText(Path.Combine(run, "config.yaml")), "config.yaml");
        var history = TrainingHistory.FromCsv(File.ReadAllText(Path.Combine(run, "history.csv")));
        Assert.NotEmpty(history.Rows);
        var saved = SafeTensorsFile.Read(checkpoint);
        long step = long.Parse(saved.Metadata["trainer.step"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(step > 0 && step % 50 == 0, $"checkpoint at step {step}");

        // The checkpoint loads: resume with a budget just past it.
        File.WriteAllText(Path.Combine(run, "config.yaml"), File.ReadAllText(Path.Combine(run, "config.yaml"))
            .Replace("steps: 100000000", $"steps: {step + 10}", StringComparison.Ordinal));
        var (code, _, error) = CliRun.Invoke("train", "--resume", run);
        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(run, ".*.tmp"));
    }

    [Fact]
    public void Sample_prints_the_asked_number_of_words_repeatably_for_a_seed()
    {
        using var folder = new TempFolder();
        var run = folder.File("run");
        Assert.Equal(0, CliRun.Invoke("train", CliRun.WriteConfig(folder), "--out", run).Code);
        var (code, output, error) = CliRun.Invoke("sample", run, "--count", "5", "--seed", "3");
        Assert.True(code == 0, error);
        var words = output.TrimEnd('\n').Split('\n');
        Assert.Equal(5, words.Length);
        Assert.All(words, w => Assert.Matches("^[a-z]*$", w));
        Assert.Equal(output, CliRun.Invoke("sample", run, "--count", "5", "--seed", "3").Output);
    }

    [Fact]
    public void Sample_on_a_missing_run_folder_is_a_one_line_error()
    {
        var (code, _, error) = CliRun.Invoke("sample", "/nonexistent/run");
        Assert.Equal(2, code);
        Assert.Equal("keel: run folder not found: /nonexistent/run\n", error);
    }
}
