using Keel.Data;
using Keel.Nn;
using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Tests.Training;

public sealed class StabilityInTrainerTests
{
    /// <summary>y = x·w with a loss that turns NaN on the steps listed in <paramref name="poisoned"/>.</summary>
    private sealed class Poisoned : Module
    {
        private readonly HashSet<int> _poisoned;
        private int _calls;

        public Poisoned(params int[] poisoned)
        {
            _poisoned = [.. poisoned];
            Weight = RegisterParameter("weight", Tensor.Ones([1, 1]), isWeight: true);
        }

        public Parameter Weight { get; }

        public override Tensor Forward(Tensor input) => input.MatMul(Weight);

        public Tensor Loss(Tensor output, Tensor targets)
        {
            var loss = ((output - targets) * (output - targets)).Mean();
            return IsTraining && _poisoned.Contains(++_calls) ? loss * float.NaN : loss;
        }
    }

    private static Dataset Data() => new(Tensor.FromArray([1f, 2f], [2, 1]), Tensor.FromArray([2f, 4f], [2, 1]));

    [Fact]
    public void Without_a_guard_a_non_finite_loss_stops_training_with_a_reason_and_leaves_the_weights_alone()
    {
        var model = new Poisoned(3);
        var trainer = new Trainer(model, new Sgd(model.Parameters(), 0.01f), model.Loss) { EvaluateEvery = 100 };
        var history = trainer.Fit(Data(), null, steps: 10, batchSize: 2);
        Assert.Equal(3, trainer.Step);
        Assert.Contains("NaN", history.StopReason);
        Assert.True(float.IsFinite(model.Weight.Data[0]));
    }

    [Fact]
    public void With_a_guard_a_bad_step_is_skipped_and_training_goes_on()
    {
        var model = new Poisoned(3);
        var optimizer = new Sgd(model.Parameters(), 0.01f, momentum: 0.9f);
        var guard = new NonFiniteGuard(optimizer, maxConsecutive: 3);
        var trainer = new Trainer(model, optimizer, model.Loss) { EvaluateEvery = 100, Guard = guard };
        var history = trainer.Fit(Data(), null, steps: 10, batchSize: 2);
        Assert.Null(history.StopReason);
        Assert.Equal(10, trainer.Step);
        Assert.Equal(1, guard.SkippedSteps);
        Assert.True(float.IsFinite(model.Weight.Data[0]));
    }

    [Fact]
    public void The_guard_stops_after_K_bad_steps_in_a_row_naming_the_parameter()
    {
        var model = new Poisoned(2, 3, 4);
        var optimizer = new Sgd(model.Parameters(), 0.01f);
        var trainer = new Trainer(model, optimizer, model.Loss) { EvaluateEvery = 100, Guard = new NonFiniteGuard(optimizer, maxConsecutive: 3) };
        var error = Assert.Throws<NonFiniteException>(() => trainer.Fit(Data(), null, steps: 10, batchSize: 2));
        Assert.Contains("weight", error.Message);
    }

    [Fact]
    public void Reduce_on_plateau_lowers_the_rate_after_patience_evaluations_and_composes_with_a_schedule()
    {
        // Targets the initial weight already fits: zero gradient, so every evaluation after the first is a plateau.
        var fitted = new Dataset(Tensor.FromArray([1f, 2f], [2, 1]), Tensor.FromArray([1f, 2f], [2, 1]));
        var model = new Poisoned();
        var optimizer = new Sgd(model.Parameters(), 0f);
        var trainer = new Trainer(model, optimizer, model.Loss) { EvaluateEvery = 1, Schedule = Schedules.Constant(0.5f) };
        trainer.Callbacks.Add(new ReduceLROnPlateau("val_loss", new ReduceOnPlateau(factor: 0.5f, patience: 2)));
        var history = trainer.Fit(fitted, fitted, steps: 7, batchSize: 2);
        // The best is at evaluation 1; the 3rd bad check in a row (evaluation 4, then 7) exceeds patience 2.
        // Each row records the rate its step used, before the callback acts.
        Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f, 0.25f, 0.25f, 0.25f], history.Series("lr").Select(p => p.Value));
        Assert.Equal(0.25f, trainer.LearningRateScale);
        Assert.Equal(0.125f, optimizer.LearningRate);
    }
}
