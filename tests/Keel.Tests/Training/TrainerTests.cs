using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;
using Keel.TestKit;
using Keel.Training;

namespace Keel.Tests.Training;

public sealed class TrainerTests
{
    private static DatasetSplit Names(int words = 2000)
    {
        var lines = File.ReadLines(RepositoryPaths.InRepository("examples/names/names.txt")).Take(words);
        return CharDataset.FromLines(lines, contextLength: 3).Split(0.8, 0.1, 0.1, seed: 42);
    }

    private static Trainer NamesTrainer(ulong seed)
    {
        var generator = new Generator(seed);
        var model = new Sequential(
            new Embedding(27, 10, generator: generator), new Flatten(),
            new Linear(30, 64, bias: false, generator: generator), new BatchNorm1d(64), new Keel.Nn.Tanh(),
            new Linear(64, 27, generator: generator));
        return new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f), (o, t) => o.CrossEntropy(t)) { EvaluateEvery = 100, Seed = seed + 1 };
    }

    [Fact]
    public void A_small_names_model_learns_and_validation_loss_falls_below_the_uniform_guess()
    {
        var split = Names();
        var trainer = NamesTrainer(1);
        var history = trainer.Fit(split.Train, split.Validation, steps: 500, batchSize: 32);
        var validation = history.Series("val_loss");
        Assert.Equal(5, validation.Count);
        Assert.True(validation[^1].Value < validation[0].Value, $"val_loss went from {validation[0].Value} to {validation[^1].Value}");
        Assert.True(validation[^1].Value < MathF.Log(27), $"val_loss {validation[^1].Value} is not below ln 27");
        Assert.Equal(500, trainer.Step);
    }

    [Fact]
    public void A_seeded_run_repeats_bit_for_bit()
    {
        var split = Names(500);
        float[] Run()
        {
            var trainer = NamesTrainer(7);
            trainer.Fit(split.Train, split.Validation, steps: 60, batchSize: 16);
            return trainer.Model.Parameters().SelectMany(p => p.ToArray()).Append(trainer.History.Last("val_loss")!.Value).ToArray();
        }
        Assert.Equal(Run(), Run());
    }
}
