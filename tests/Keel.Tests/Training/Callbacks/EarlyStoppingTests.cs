using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Tests.Training.Callbacks;

public sealed class EarlyStoppingTests
{
    /// <summary>
    /// A one-parameter model whose validation "loss" is a scripted sequence: the loss function
    /// returns the next scripted value in eval mode (and a real loss in training), and the weight
    /// counts the optimizer steps so that restored weights reveal the step they came from.
    /// </summary>
    private sealed class Scripted : Module
    {
        private readonly float[] _validation;
        private int _evaluation;

        public Scripted(float[] validation)
        {
            _validation = validation;
            Counter = RegisterParameter("counter", Tensor.Zeros([1, 1]));
        }

        public Parameter Counter { get; }

        public override Tensor Forward(Tensor input) => input.MatMul(Counter);

        public Tensor Loss(Tensor output, Tensor targets)
            => IsTraining ? (output - targets).Sum() : Tensor.Scalar(_validation[_evaluation++]);
    }

    private static (Trainer Trainer, Scripted Model) Build(float[] script, EarlyStopping stopping)
    {
        var model = new Scripted(script);
        var trainer = new Trainer(model, new CountingOptimizer(model.Counter), model.Loss) { EvaluateEvery = 1 };
        trainer.Callbacks.Add(stopping);
        return (trainer, model);
    }

    private static Dataset OneExample() => new(Tensor.Ones([1, 1]), Tensor.Zeros([1, 1]));

    [Fact]
    public void Stops_at_the_evaluation_the_patience_allows_and_restores_the_best_weights()
    {
        // Best at evaluation 2 (0.5); with patience 3 the 5th evaluation (3 without improvement) stops.
        var stopping = new EarlyStopping("val_loss", patience: 3, restoreBestWeights: true);
        var (trainer, model) = Build([1.0f, 0.5f, 0.6f, 0.55f, 0.7f, 0.1f, 0.1f], stopping);
        var history = trainer.Fit(OneExample(), OneExample(), steps: 7, batchSize: 1);
        Assert.Equal(5, stopping.StoppedAtStep);
        Assert.Equal(5, trainer.Step);
        Assert.Equal(5, history.Series("val_loss").Count);
        Assert.Equal(2f, model.Counter.Data[0]);
        Assert.Contains("did not improve", history.StopReason);
    }

    [Fact]
    public void Min_delta_counts_small_gains_as_no_improvement()
    {
        var stopping = new EarlyStopping("val_loss", patience: 2, minDelta: 0.1f);
        var (trainer, _) = Build([1.0f, 0.95f, 0.92f, 0.5f, 0.4f], stopping);
        trainer.Fit(OneExample(), OneExample(), steps: 5, batchSize: 1);
        Assert.Equal(3, stopping.StoppedAtStep);
    }

    [Fact]
    public void Restores_the_best_weights_also_when_training_runs_its_full_budget()
    {
        var stopping = new EarlyStopping("val_loss", patience: 10, restoreBestWeights: true);
        var (trainer, model) = Build([0.9f, 0.3f, 0.8f, 0.7f], stopping);
        trainer.Fit(OneExample(), OneExample(), steps: 4, batchSize: 1);
        Assert.Null(stopping.StoppedAtStep);
        Assert.Equal(2f, model.Counter.Data[0]);
    }

    [Fact]
    public void Max_mode_follows_accuracy_names_and_a_baseline_delays_the_reset()
    {
        var accuracy = new EarlyStopping("val_accuracy");
        Assert.Equal(MonitorMode.Max, accuracy.Monitor.Mode);

        // Improvements that never beat the baseline 0.2 do not reset the wait, so the first
        // evaluation without improvement (the 3rd) already exceeds patience 2; without a baseline the 4th does.
        float[] script = [0.9f, 0.8f, 0.85f, 0.86f, 0.87f];
        var withBaseline = new EarlyStopping("val_loss", patience: 2, baseline: 0.2f);
        Build(script, withBaseline).Trainer.Fit(OneExample(), OneExample(), steps: 5, batchSize: 1);
        var without = new EarlyStopping("val_loss", patience: 2);
        Build(script, without).Trainer.Fit(OneExample(), OneExample(), steps: 5, batchSize: 1);
        Assert.Equal(3, withBaseline.StoppedAtStep);
        Assert.Equal(4, without.StoppedAtStep);
    }

    /// <summary>Adds 1 to the counter each step, so the weight equals the number of steps taken.</summary>
    private sealed class CountingOptimizer(Parameter counter) : IOptimizer
    {
        public IReadOnlyList<ParameterGroup> Groups { get; } = [new ParameterGroup([counter])];

        public float LearningRate { get; set; } = 1f;

        public void Step() => counter.Data[0] += 1f;

        public void ZeroGrad(bool setToNone = true) => counter.ZeroGrad(setToNone);

        public OptimizerState GetState() => new() { Kind = "Counting" };

        public void LoadState(OptimizerState state)
        {
        }
    }
}
