using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Stability;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Tests.Training;

/// <summary>
/// The public-surface example from the design document, as written there (only the data is a few
/// generated names and the step count small), so that a rename breaks this test before it breaks a user.
/// </summary>
public sealed class DesignApiTests
{
    [Fact]
    public void The_design_documents_example_compiles_and_trains()
    {
        var lines = Enumerable.Range(0, 200).Select(i => new string((char)('a' + i % 26), 2 + i % 5) + (char)('a' + i * 7 % 26));

        var split = CharDataset.FromLines(lines, contextLength: 3)
                               .Split(train: 0.8, validation: 0.1, test: 0.1, seed: 42);
        var model = new Sequential(
            new Embedding(27, 10), new Flatten(),
            new Linear(30, 200, bias: false), new BatchNorm1d(200), new Tanh(),
            new Linear(200, 27));
        var optimizer = new Sgd(model.Parameters(), learningRate: 0.1f, momentum: 0.9f);
        var trainer = new Trainer(model, optimizer, Losses.CrossEntropy)
        {
            Schedule = Schedules.PiecewiseConstant([100_000, 150_000], [0.1f, 0.01f, 0.001f]),
            Clipping = GradientClipping.GlobalNorm(1.0f),
            Constraints = { Constraints.MaxNorm(3.0f, axis: 0).For(model.Weights()) },
            Callbacks = { new EarlyStopping("val_loss", patience: 5, restoreBestWeights: true) },
        };
        TrainingHistory history = trainer.Fit(split.Train, split.Validation, steps: 300, batchSize: 32);

        Assert.Equal(300, trainer.Step);
        var trainLoss = trainer.Evaluate(split.Train).Loss;
        Assert.True(float.IsFinite(trainLoss));
        Assert.True(trainLoss < MathF.Log(27), $"training loss {trainLoss} should fall below ln 27 on a memorizable task");
        Assert.NotNull(history);
        foreach (var weight in model.Weights())
        {
            var values = weight.ToArray();
            int columns = weight.Shape[^1], rows = values.Length / columns;
            for (int column = 0; column < columns; column++)
            {
                double squares = 0;
                for (int row = 0; row < rows; row++) squares += (double)values[row * columns + column] * values[row * columns + column];
                Assert.True(Math.Sqrt(squares) <= 3.0 + 1e-4, $"max-norm 3 along axis 0 violated: column {column} has norm {Math.Sqrt(squares)}");
            }
        }
    }
}
