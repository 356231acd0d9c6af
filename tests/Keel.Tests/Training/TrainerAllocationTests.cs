using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;
using Keel.TestKit;
using Keel.Training;

namespace Keel.Tests.Training;

[Collection(AllocationCounting.Name)]
public sealed class TrainerAllocationTests
{
    /// <summary>
    /// The whole trainer step (batch draw, schedule, forward, loss plus penalty, backward, global-norm
    /// clipping, momentum update, max-norm constraint) on the names network reuses pooled buffers.
    /// </summary>
    [Fact]
    public void A_steady_state_training_step_allocates_no_tensor_buffers()
    {
        var (warmUp, measured) = PoolAllocations.Count(
            () =>
            {
                var generator = new Generator(5);
                var lines = Enumerable.Range(0, 300).Select(i => new string((char)('a' + i % 26), 3 + i % 4) + (char)('a' + i * 11 % 26));
                var train = CharDataset.FromLines(lines, contextLength: 3).ToDataset();
                var model = new Sequential(
                    new Embedding(27, 10, generator: generator), new Flatten(),
                    new Linear(30, 64, bias: false, generator: generator), new BatchNorm1d(64), new Keel.Nn.Tanh(),
                    new Linear(64, 27, generator: generator));
                var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f, momentum: 0.9f), Losses.CrossEntropy)
                {
                    Schedule = Schedules.PiecewiseConstant([50], [0.1f, 0.01f]),
                    Clipping = GradientClipping.GlobalNorm(1.0f),
                    Constraints = { Constraints.MaxNorm(3.0f, axis: 0).For(model.Weights()) },
                    Penalties = { Penalties.L2(1e-4f).For(model.Weights()) },
                };
                var batches = new RandomBatches(train, 32, new Generator(6));
                return () => trainer.TrainStep(batches.Next());
            },
            warmUp: 5,
            measured: 100);
        Assert.True(warmUp > 0, "the warm-up should have filled the pool");
        Assert.Equal(0, measured);
    }
}
