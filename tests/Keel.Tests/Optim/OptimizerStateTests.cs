using System.Text.Json;
using Keel.Optim;
using Keel.Tensors;

namespace Keel.Tests.Optim;

public sealed class OptimizerStateTests
{
    public static TheoryData<string> CaseNames => OptimizerReferenceTests.CaseNames;

    [Theory, MemberData(nameof(CaseNames))]
    public void Save_load_and_one_more_step_is_bit_identical_to_not_saving(string name)
    {
        var straight = new QuadraticProblem();
        var straightOptimizer = OptimizerReferenceTests.Cases[name](straight.Parameters);
        var resumed = new QuadraticProblem();
        var firstOptimizer = OptimizerReferenceTests.Cases[name](resumed.Parameters);
        for (int step = 0; step < 3; step++)
        {
            straight.ComputeGradients();
            straightOptimizer.Step();
            resumed.ComputeGradients();
            firstOptimizer.Step();
        }

        // A fresh optimizer over the same parameters loads the saved state, as a resumed run would.
        var saved = firstOptimizer.GetState();
        var secondOptimizer = OptimizerReferenceTests.Cases[name](resumed.Parameters);
        secondOptimizer.LoadState(saved);
        straight.ComputeGradients();
        straightOptimizer.Step();
        resumed.ComputeGradients();
        secondOptimizer.Step();

        Assert.Equal(straight.Values(), resumed.Values());
        var expectedState = straightOptimizer.GetState();
        var actualState = secondOptimizer.GetState();
        Assert.Equal(expectedState.Slots.Keys.Order(), actualState.Slots.Keys.Order());
        foreach (var (key, values) in expectedState.Slots) Assert.Equal(values, actualState.Slots[key]);
        Assert.Equal(expectedState.Scalars, actualState.Scalars);
    }

    [Fact]
    public void State_survives_a_json_round_trip_bit_for_bit()
    {
        var problem = new QuadraticProblem();
        var rms = new RmsProp(problem.Parameters, centered: true, momentum: 0.9f);
        for (int i = 0; i < 3; i++)
        {
            problem.ComputeGradients();
            rms.Step();
        }
        var state = rms.GetState();
        var copy = JsonSerializer.Deserialize<OptimizerState>(JsonSerializer.Serialize(state))!;
        Assert.Equal(state.Kind, copy.Kind);
        Assert.Equal(state.Scalars, copy.Scalars);
        foreach (var (key, values) in state.Slots) Assert.Equal(values, copy.Slots[key]);
    }

    [Fact]
    public void State_keys_use_parameter_names_and_pytorch_slot_names()
    {
        var problem = new QuadraticProblem();
        var adam = new Adam(problem.Parameters, amsgrad: true);
        problem.ComputeGradients();
        adam.Step();
        var state = adam.GetState();
        Assert.Equal(
            ["layer.bias.exp_avg", "layer.bias.exp_avg_sq", "layer.bias.max_exp_avg_sq", "layer.weight.exp_avg", "layer.weight.exp_avg_sq", "layer.weight.max_exp_avg_sq"],
            state.Slots.Keys.Order());
        Assert.Equal(1, state.Scalars["layer.weight.step"]);
        Assert.Equal(1e-3f, (float)state.Scalars["param_groups.0.lr"]);
    }

    [Fact]
    public void Unnamed_parameters_get_positional_keys()
    {
        var a = new Parameter(Tensor.Ones([2]));
        var b = new Parameter(Tensor.Ones([3]));
        var sgd = new Sgd([a, b], momentum: 0.9f);
        a.Grad = Tensor.Ones([2]);
        b.Grad = Tensor.Ones([3]);
        sgd.Step();
        Assert.Equal(["params.0.momentum_buffer", "params.1.momentum_buffer"], sgd.GetState().Slots.Keys.Order());
    }

    [Fact]
    public void Parameters_without_a_gradient_are_skipped_and_have_no_state()
    {
        var problem = new QuadraticProblem();
        var adam = new Adam(problem.Parameters);
        problem.Weight.Grad = Tensor.Ones([2, 3]);
        var biasBefore = problem.Bias.ToArray();
        adam.Step();
        Assert.Equal(biasBefore, problem.Bias.ToArray());
        Assert.DoesNotContain(adam.GetState().Slots.Keys, key => key.StartsWith("layer.bias", StringComparison.Ordinal));
    }

    [Fact]
    public void Loading_another_optimizers_state_or_a_short_slot_names_the_problem()
    {
        var problem = new QuadraticProblem();
        var adam = new Adam(problem.Parameters);
        problem.ComputeGradients();
        adam.Step();
        var state = adam.GetState();

        var wrongKind = Assert.Throws<ArgumentException>(() => new Sgd(problem.Parameters).LoadState(state));
        Assert.Contains("cannot load Adam state into Sgd", wrongKind.Message);

        state.Slots["layer.weight.exp_avg"] = new float[5];
        var fresh = new Adam(problem.Parameters);
        var shortSlot = Assert.Throws<ArgumentException>(() => fresh.LoadState(state));
        Assert.Contains("layer.weight.exp_avg has 5 values; the parameter has 6", shortSlot.Message);
    }

    [Fact]
    public void Steady_state_steps_allocate_no_managed_memory()
    {
        var problem = new QuadraticProblem();
        var optimizers = OptimizerReferenceTests.Cases.Values.Select(make => make(problem.Parameters)).ToArray();
        problem.ComputeGradients();
        for (int i = 0; i < 20; i++)
        {
            foreach (var optimizer in optimizers) optimizer.Step();
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            foreach (var optimizer in optimizers) optimizer.Step();
        }
        // Any allocation per step would be 100 objects of 24 bytes or more; the runtime's own
        // one-time allocations (tiered recompilation can land in the window) stay under that.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 100);
    }
}
