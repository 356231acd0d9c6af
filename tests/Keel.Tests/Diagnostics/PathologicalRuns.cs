using Keel.Data;
using Keel.Diagnostics;
using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;
using Keel.TestKit;
using Keel.Training;

namespace Keel.Tests.Diagnostics;

/// <summary>Small seeded runs, healthy and deliberately broken, with a probe on every few steps.</summary>
internal static class PathologicalRuns
{
    private static readonly Lazy<DatasetSplit> NamesSplit = new(() =>
        CharDataset.FromLines(File.ReadLines(RepositoryPaths.InRepository("examples/names/names.txt")).Take(3000), contextLength: 3)
            .Split(0.8, 0.1, 0.1, seed: 42));

    public static DatasetSplit Names => NamesSplit.Value;

    /// <summary>Trains <paramref name="model"/> with plain SGD and returns the probe's log.</summary>
    public static DiagnosticsLog Train(Module model, float lr, long steps, long every, Func<Tensor, Tensor, Tensor>? loss = null,
        DatasetSplit? data = null, float momentum = 0f)
    {
        var split = data ?? Names;
        var probe = new Probe(every, loss is null ? MathF.Log(27) : null);
        var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: lr, momentum: momentum), loss ?? Losses.CrossEntropy)
        {
            Probe = probe, EvaluateEvery = Math.Max(1, steps / 5), Seed = 3,
        };
        trainer.Fit(split.Train, split.Validation, steps, batchSize: 32);
        return probe.Log;
    }

    /// <summary>The names MLP of makemore part 3, initialized for tanh, with batch norm: a run that should raise no finding.</summary>
    public static Sequential Healthy(Generator generator) => new(
        new Embedding(27, 10, generator: generator), new Flatten(),
        new Linear(30, 100, bias: false, Initializers.KaimingNormal(5f / 3f), generator: generator), new BatchNorm1d(100), new Keel.Nn.Tanh(),
        new Linear(100, 100, bias: false, Initializers.KaimingNormal(5f / 3f), generator: generator), new BatchNorm1d(100), new Keel.Nn.Tanh(),
        new Linear(100, 27, weightInit: Initializers.KaimingNormal(0.1f), biasInit: Initializers.Zeros(), generator: generator));

    /// <summary>The same shape without batch norm and with every weight drawn from N(0, 3²): saturated tanh and huge logits.</summary>
    public static Sequential WeightsFarTooLarge(Generator generator) => new(
        new Embedding(27, 10, generator: generator), new Flatten(),
        new Linear(30, 100, weightInit: Initializers.Normal(0, 3), generator: generator), new Keel.Nn.Tanh(),
        new Linear(100, 100, weightInit: Initializers.Normal(0, 3), generator: generator), new Keel.Nn.Tanh(),
        new Linear(100, 27, weightInit: Initializers.Normal(0, 3), generator: generator));

    /// <summary>Eight sigmoid layers with weights drawn from N(0, 0.01²): each layer shrinks the gradient by about 0.25 · 0.1.</summary>
    public static Sequential DeepSigmoidTinyWeights(Generator generator)
    {
        var layers = new List<Module> { new Embedding(27, 10, generator: generator), new Flatten() };
        int inputs = 30;
        for (int i = 0; i < 8; i++)
        {
            layers.Add(new Linear(inputs, 64, weightInit: Initializers.Normal(0, 0.01f), generator: generator));
            layers.Add(new Sigmoid());
            inputs = 64;
        }
        layers.Add(new Linear(inputs, 27, weightInit: Initializers.Normal(0, 0.01f), generator: generator));
        return new Sequential([.. layers]);
    }

    /// <summary>A linear regression y = x·w on 8 standard-normal features: plain SGD diverges geometrically once lr exceeds 2 / λmax(E[xxᵀ]) ≈ 1.</summary>
    public static DatasetSplit Regression(int count = 512)
    {
        var generator = new Generator(11);
        var x = Tensor.Normal([count, 8], generator);
        var w = Tensor.Normal([8, 1], generator);
        var y = Tensor.FromArray(x.MatMul(w).ToArray(), [count, 1]);
        return new Dataset(x, y).Split(0.8, 0.1, 0.1, seed: 1);
    }
}
