using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;
using Keel.TestKit;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Tests.Training;

public sealed class CheckpointTests
{
    private static readonly DatasetSplit Data = CharDataset
        .FromLines(File.ReadLines(RepositoryPaths.InRepository("examples/names/names.txt")).Take(400), contextLength: 3)
        .Split(0.8, 0.1, 0.1, seed: 5);

    /// <summary>A trainer whose every piece carries state: momentum, dropout, a schedule, clipping, early stopping.</summary>
    private static Trainer Build()
    {
        var generator = new Generator(11);
        var model = new Sequential(
            new Embedding(27, 8, generator: generator), new Flatten(),
            new Linear(24, 32, bias: false, generator: generator), new BatchNorm1d(32), new Keel.Nn.Tanh(),
            new Dropout(0.1f, generator), new Linear(32, 27, generator: generator));
        var trainer = new Trainer(model, new Adam(model.Parameters(), learningRate: 0.01f), (o, t) => o.CrossEntropy(t))
        {
            Schedule = Schedules.StepDecay(0.01f, stepSize: 15, gamma: 0.5f),
            Clipping = GradientClipping.GlobalNorm(1f),
            EvaluateEvery = 10,
            Seed = 3,
        };
        trainer.Callbacks.Add(new EarlyStopping("val_loss", patience: 100, restoreBestWeights: false));
        return trainer;
    }

    private static float[] State(Trainer trainer)
        => trainer.Model.StateDict().Values.SelectMany(t => t.ToArray())
            .Concat(trainer.Optimizer.GetState().Slots.OrderBy(s => s.Key).SelectMany(s => s.Value)).ToArray();

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_bit_identical_to_an_uninterrupted_one()
    {
        using var folder = new TempFolder();
        var uninterrupted = Build();
        uninterrupted.Fit(Data.Train, Data.Validation, steps: 44, batchSize: 16);

        var first = Build();
        first.Fit(Data.Train, Data.Validation, steps: 22, batchSize: 16);
        var path = Path.Combine(folder.Path, "checkpoint.safetensors");
        first.SaveCheckpoint(path);

        var resumed = Build();
        resumed.LoadCheckpoint(path);
        Assert.Equal(22, resumed.Step);
        resumed.Fit(Data.Train, Data.Validation, steps: 22, batchSize: 16);

        Assert.Equal(44, resumed.Step);
        Assert.Equal(State(uninterrupted), State(resumed));
        // The first half's fit evaluated once more at its own end (step 22); every other validation loss matches.
        var expected = uninterrupted.History.Series("val_loss");
        var actual = resumed.History.Series("val_loss").Where(point => point.Step != 22).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Loading_a_checkpoint_of_another_model_names_the_file_and_the_tensor()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "checkpoint.safetensors");
        Build().SaveCheckpoint(path);
        var other = new Sequential(new Embedding(27, 4), new Flatten(), new Linear(12, 27));
        var trainer = new Trainer(other, new Sgd(other.Parameters(), 0.1f), (o, t) => o.CrossEntropy(t));
        var error = Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("layers.0.weight", error.Message);
    }
}
