using System.CommandLine;
using Keel.Cli.Building;
using Keel.Cli.Config;
using Keel.Cli.Output;
using Keel.Serialization;
using Keel.Tensors;
using Keel.Training;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel sample RUN_DIR [--count 20] [--seed S]</c>: words sampled from a trained character model.</summary>
internal static class SampleCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var runDirectory = new Argument<DirectoryInfo>("run") { Description = "A run folder written by keel train on text data." };
        var count = new Option<int>("--count") { Description = "How many words to sample.", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the sampling generator.", DefaultValueFactory = _ => 0 };
        var command = new Command("sample", "Sample words from a trained character model.") { runDirectory, count, seed };
        command.SetAction(parsed => Execute(parsed.GetValue(runDirectory)!.FullName, parsed.GetValue(count), parsed.GetValue(seed), console));
        return command;
    }

    public static int Execute(string runDirectory, int count, ulong seed, IAnsiConsole console)
    {
        if (!Directory.Exists(runDirectory)) throw new DirectoryNotFoundException($"run folder not found: {runDirectory}");
        if (count < 1) throw new ArgumentException($"--count must be at least 1, got {count}");
        var folder = new RunFolder(runDirectory);
        var (vocabulary, context) = folder.ReadVocabulary();
        if (!File.Exists(folder.Model)) throw new FileNotFoundException($"{folder.Model} not found: the run has not finished");
        var config = ConfigNode.Parse(File.ReadAllText(folder.Config), folder.Config);
        var model = ModelBuilder.Build(config["model"], [context], vocabulary.Size, new Generator(0));
        model.LoadStateDict(SafeTensorsFile.Read(folder.Model).Tensors);
        foreach (var word in TextSampler.Sample(model, vocabulary, context, count, new Generator(seed))) console.WriteLine(word);
        return 0;
    }
}
