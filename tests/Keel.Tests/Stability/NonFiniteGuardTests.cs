using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

public sealed class NonFiniteGuardTests
{
    private readonly Parameter _weight = new(Tensor.FromArray([1f, -2f, 0.5f, 3f], [2, 2]), "layers.0.weight");
    private readonly Parameter _bias = new(Tensor.FromArray([0.1f, -0.1f]), "layers.0.bias");

    [Fact]
    public void A_step_whose_gradient_holds_a_nan_leaves_every_parameter_and_slot_unchanged_and_is_counted()
    {
        var adam = new Adam([_weight, _bias], learningRate: 0.1f, amsgrad: true);
        var guard = new NonFiniteGuard(adam);
        for (int i = 0; i < 3; i++) Assert.True(GuardedStep(guard, adam, loss: 1f, SetGradients(1f)));
        var weightBefore = _weight.ToArray();
        var biasBefore = _bias.ToArray();
        var stateBefore = adam.GetState();

        Assert.False(GuardedStep(guard, adam, loss: 1f, SetGradients(1f, biasNaN: true)));

        Assert.Equal(weightBefore, _weight.ToArray());
        Assert.Equal(biasBefore, _bias.ToArray());
        var stateAfter = adam.GetState();
        foreach (var (key, values) in stateBefore.Slots) Assert.Equal(values, stateAfter.Slots[key]);
        Assert.Equal(stateBefore.Scalars, stateAfter.Scalars);
        Assert.Equal(1, guard.SkippedSteps);
        Assert.Equal(1, guard.ConsecutiveBadSteps);
        Assert.Contains("layers.0.bias", guard.LastReason);
    }

    [Fact]
    public void K_bad_steps_in_a_row_stop_training_naming_the_first_parameter_whose_gradient_went_non_finite()
    {
        var sgd = new Sgd([_weight, _bias], learningRate: 0.1f);
        var guard = new NonFiniteGuard(sgd, maxConsecutive: 3);
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(1f)));
        Assert.False(GuardedStep(guard, sgd, 1f, SetGradients(1f, biasNaN: true)));
        Assert.False(GuardedStep(guard, sgd, float.NaN, SetGradients(1f)));
        var error = Assert.Throws<NonFiniteException>(() => GuardedStep(guard, sgd, 1f, SetGradients(float.NaN)));
        Assert.Equal("layers.0.bias", error.ParameterName);
        Assert.Contains("3 bad steps in a row", error.Message);
        Assert.Contains("layers.0.bias", error.Message);
    }

    [Fact]
    public void A_good_step_resets_the_count_of_bad_steps_in_a_row()
    {
        var sgd = new Sgd([_weight, _bias]);
        var guard = new NonFiniteGuard(sgd, maxConsecutive: 2);
        for (int i = 0; i < 5; i++)
        {
            Assert.False(GuardedStep(guard, sgd, float.PositiveInfinity, SetGradients(1f)));
            Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(1f)));
        }
        Assert.Equal(5, guard.SkippedSteps);
        Assert.Equal(0, guard.ConsecutiveBadSteps);
    }

    [Fact]
    public void A_non_finite_loss_alone_skips_the_step()
    {
        var sgd = new Sgd([_weight, _bias]);
        var guard = new NonFiniteGuard(sgd);
        Assert.False(guard.Check(float.NaN));
        Assert.Equal("the loss is NaN", guard.LastReason);
    }

    [Fact]
    public void Each_bad_step_can_lower_the_learning_rate()
    {
        var sgd = new Sgd([_weight, _bias], learningRate: 0.4f);
        var guard = new NonFiniteGuard(sgd, learningRateFactor: 0.5f);
        SetGradients(float.NaN);
        guard.Check(1f);
        guard.Check(1f);
        Assert.Equal(0.1f, sgd.LearningRate);
        Assert.Equal(0.25f, guard.LearningRateScale);
    }

    [Fact]
    public void Rollback_restores_parameters_and_optimizer_state_from_before_the_last_update()
    {
        var sgd = new Sgd([_weight, _bias], learningRate: 0.1f, momentum: 0.9f);
        var guard = new NonFiniteGuard(sgd, rollback: true);
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(1f)));
        var weightChecked = _weight.ToArray();
        var stateChecked = sgd.GetState();
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(2f)));
        Assert.NotEqual(weightChecked, _weight.ToArray());

        // The update just applied led to a non-finite loss: go back to the last checked state.
        Assert.False(GuardedStep(guard, sgd, float.NaN, SetGradients(1f)));
        Assert.Equal(weightChecked, _weight.ToArray());
        Assert.Equal(stateChecked.Slots["layers.0.weight.momentum_buffer"], sgd.GetState().Slots["layers.0.weight.momentum_buffer"]);
    }

    [Fact]
    public void A_gradient_norm_spike_over_a_multiple_of_the_recent_median_is_treated_as_bad()
    {
        var sgd = new Sgd([_weight, _bias], learningRate: 0f);
        var guard = new NonFiniteGuard(sgd, spikeFactor: 10f, spikeWindow: 5, spikeMinHistory: 3);
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(1f)));
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(100f))); // too little history to judge
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(2f)));
        // Norms so far √6·(1, 100, 2): median √6·2; √6·30 is over 10 × that.
        Assert.False(GuardedStep(guard, sgd, 1f, SetGradients(30f)));
        Assert.StartsWith("the gradient norm", guard.LastReason);
        Assert.True(GuardedStep(guard, sgd, 1f, SetGradients(15f)));
    }

    /// <summary>The trainer's order: check, then update only if the guard allows it.</summary>
    private static bool GuardedStep(NonFiniteGuard guard, IOptimizer optimizer, float loss, bool gradientsSet)
    {
        Assert.True(gradientsSet);
        if (!guard.Check(loss)) return false;
        optimizer.Step();
        return true;
    }

    private bool SetGradients(float value, bool biasNaN = false)
    {
        _weight.Grad = Tensor.Full(_weight.Shape, value);
        _bias.Grad = Tensor.Full(_bias.Shape, biasNaN ? float.NaN : value);
        return true;
    }
}
