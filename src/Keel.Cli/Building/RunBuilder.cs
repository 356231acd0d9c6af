using Keel.Cli.Config;
using Keel.Data;
using Keel.Nn;
using Keel.Serialization;
using Keel.Tensors;
using Keel.Training;

namespace Keel.Cli.Building;

/// <summary>Builds a <see cref="Run"/> from a config file, section by section; every mistake names its key.</summary>
internal static class RunBuilder
{
    public static Run FromFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"config file not found: {path}");
        var root = ConfigNode.Parse(File.ReadAllText(path), path);
        return Build(root, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static Run Build(ConfigNode root, string baseDirectory)
    {
        ulong seed = (ulong)root.Long("seed", 42);
        int threads = root.Int("threads", 1);
        if (threads < 1) throw root["threads"].Error($"must be at least 1, got {threads}");
        var data = DataBuilder.Build(root["data"], baseDirectory, seed);

        var generator = new Generator(seed);
        var model = ModelBuilder.Build(root["model"], data.Split.Train.ExampleShape, data.Vocabulary?.Size, generator);
        if (root.String("init", null) is { } init)
        {
            var initPath = Path.GetFullPath(Path.Combine(baseDirectory, init));
            LoadInitialWeights(root, model, initPath);
            root.Set("init", initPath);
        }

        var parameters = model.NamedParameters().ToList();
        var optimizer = OptimizerBuilder.Build(root["optimizer"], parameters);
        var schedule = ScheduleBuilder.Build(root["schedule"], optimizer.LearningRate);

        var train = root["train"];
        var (steps, batchSize, byEpochs) = Budget(train, data.Split.Train.Count);
        long evaluateEvery = train.Long("eval_every", Math.Max(1, steps / 10));
        int evaluationBatch = train.Int("eval_batch_size", 4096);
        train.RejectUnknownKeys();

        var trainer = new Trainer(model, optimizer, LossBuilder.Build(root["loss"], data))
        {
            Schedule = schedule,
            EvaluateEvery = evaluateEvery,
            EvaluationBatchSize = evaluationBatch,
            Threads = threads,
            Seed = seed + 1,
            Clipping = StabilityBuilder.Clipping(root["clipping"]),
            Guard = StabilityBuilder.Guard(root["guard"], optimizer),
            Probe = DiagnosticsBuilder.Build(root["diagnostics"], steps, model),
        };
        var weights = model.Weights().ToList();
        trainer.Constraints.AddRange(StabilityBuilder.Constraints(root["constraints"], parameters, weights));
        trainer.Penalties.AddRange(StabilityBuilder.Penalties(root["penalties"], parameters, weights));
        CallbackBuilder.AddTo(trainer, root["callbacks"]);

        var sample = root["sample"];
        int sampleCount = sample.Int("count", data.Vocabulary is null ? 0 : 10);
        sample.RejectUnknownKeys();
        // Only keel tune reads these; keel train trains the values the config itself gives.
        _ = root["search"];
        _ = root["tune"];
        root.RejectUnknownKeys();
        return new Run
        {
            Config = root, Data = data, Model = model, Trainer = trainer, Steps = steps,
            BatchSize = batchSize, ByEpochs = byEpochs, SampleCount = sampleCount, Seed = seed,
        };
    }

    private static (long Steps, int BatchSize, bool ByEpochs) Budget(ConfigNode train, int examples)
    {
        if (train.IsNull) throw train.Error("a train section with steps or epochs is required");
        var batch = train["batch_size"];
        int batchSize = !batch.IsNull && batch.AsString() == "full" ? 0 : train.Int("batch_size", 32);
        if (batchSize < 0 || (batchSize == 0 && batch.AsString() != "full")) throw batch.Error($"must be a positive number or 'full', got {batch.AsString()}");
        bool hasSteps = train.Has("steps"), hasEpochs = train.Has("epochs");
        if (hasSteps == hasEpochs) throw train.Error("give either steps or epochs");
        if (hasSteps)
        {
            long steps = train.Long("steps", 0);
            if (steps < 0) throw train["steps"].Error($"must be ≥ 0, got {steps}");
            return (steps, batchSize, false);
        }
        int epochs = train.Int("epochs", 1);
        if (epochs < 1) throw train["epochs"].Error($"must be at least 1, got {epochs}");
        long perEpoch = batchSize == 0 ? 1 : (examples + batchSize - 1) / batchSize;
        return (epochs * perEpoch, batchSize, true);
    }

    private static void LoadInitialWeights(ConfigNode root, Module model, string path)
    {
        if (!File.Exists(path)) throw root["init"].Error($"file not found: {path}");
        var content = SafeTensorsFile.Read(path);
        try
        {
            model.LoadStateDict(content.Tensors);
        }
        catch (ArgumentException e)
        {
            throw root["init"].Error($"{path}: {ConfigNode.UserMessage(e)}");
        }
    }
}
