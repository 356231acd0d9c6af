using Keel.Optim;
using Keel.Tensors;
using Keel.Tests.Optim.Fixtures;

namespace Keel.Tests.Optim;

/// <summary>
/// The first five steps of every optimizer against PyTorch 1.13 (fixtures written by
/// tests/reference/optimizers.py), across momentum, Nesterov, dampening, weight decay, AMSGrad,
/// centering and parameter groups.
/// </summary>
public sealed class OptimizerReferenceTests
{
    /// <summary>The C# twin of each case in tests/reference/optimizers.py.</summary>
    internal static readonly Dictionary<string, Func<Parameter[], IOptimizer>> Cases = new()
    {
        ["sgd"] = p => new Sgd(p, learningRate: 0.1f),
        ["sgd_momentum"] = p => new Sgd(p, learningRate: 0.1f, momentum: 0.9f),
        ["sgd_nesterov"] = p => new Sgd(p, learningRate: 0.1f, momentum: 0.9f, nesterov: true),
        ["sgd_dampening"] = p => new Sgd(p, learningRate: 0.1f, momentum: 0.9f, dampening: 0.5f),
        ["sgd_weight_decay"] = p => new Sgd(p, learningRate: 0.1f, momentum: 0.9f, weightDecay: 0.1f),
        ["rmsprop"] = p => new RmsProp(p, learningRate: 0.01f),
        ["rmsprop_centered"] = p => new RmsProp(p, learningRate: 0.01f, centered: true),
        ["rmsprop_momentum"] = p => new RmsProp(p, learningRate: 0.01f, momentum: 0.9f, weightDecay: 0.1f),
        ["rmsprop_centered_momentum"] = p => new RmsProp(p, learningRate: 0.01f, alpha: 0.9f, momentum: 0.5f, centered: true),
        ["adam"] = p => new Adam(p, learningRate: 0.1f),
        ["adam_amsgrad"] = p => new Adam(p, learningRate: 0.1f, amsgrad: true),
        ["adam_weight_decay"] = p => new Adam(p, learningRate: 0.1f, weightDecay: 0.1f),
        ["adamw"] = p => new AdamW(p, learningRate: 0.1f, weightDecay: 0.1f),
        ["adamw_amsgrad"] = p => new AdamW(p, learningRate: 0.1f, beta1: 0.8f, beta2: 0.99f, weightDecay: 0.1f, amsgrad: true),
        ["adagrad"] = p => new Adagrad(p, learningRate: 0.1f),
        ["adagrad_decay"] = p => new Adagrad(p, learningRate: 0.1f, learningRateDecay: 0.1f, weightDecay: 0.1f, initialAccumulatorValue: 0.1f),
        ["sgd_groups"] = p => new Sgd([new ParameterGroup([p[0]]), new ParameterGroup([p[1]], learningRate: 0.02f, weightDecay: 0f)], learningRate: 0.1f, momentum: 0.9f, weightDecay: 0.1f),
        ["adamw_groups"] = p => new AdamW([new ParameterGroup([p[0]]), new ParameterGroup([p[1]], learningRate: 0.02f, weightDecay: 0f)], learningRate: 0.1f, weightDecay: 0.1f),
    };

    /// <summary>Cases whose rate follows a schedule, set before each step as a trainer does.</summary>
    internal static readonly Dictionary<string, (Func<Parameter[], IOptimizer> Make, ISchedule Schedule)> ScheduledCases = new()
    {
        ["sgd_momentum_step_decay"] = (p => new Sgd(p, learningRate: 0.1f, momentum: 0.9f), Schedules.StepDecay(0.1f, stepSize: 2, gamma: 0.5f)),
        ["adam_one_cycle"] = (p => new Adam(p, learningRate: 0.1f), Schedules.OneCycle(0.1f, totalSteps: 5)),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public static TheoryData<string> ScheduledCaseNames => [.. ScheduledCases.Keys];

    [Theory, MemberData(nameof(CaseNames))]
    public void First_five_steps_match_pytorch(string name) => AssertTrajectory(name, Cases[name], schedule: null);

    [Theory, MemberData(nameof(ScheduledCaseNames))]
    public void First_five_steps_with_a_schedule_setting_the_rate_match_pytorchs_scheduler(string name)
        => AssertTrajectory(name, ScheduledCases[name].Make, ScheduledCases[name].Schedule);

    [Fact]
    public void Every_fixture_case_has_a_csharp_twin()
        => Assert.Equal(OptimizerFixtures.Trajectories.Keys.Order(), Cases.Keys.Concat(ScheduledCases.Keys).Order());

    [Fact]
    public void Sgd_first_steps_follow_the_rule_by_hand()
    {
        // θ0 = 1, g = θ (c = 1, d = 0), lr 0.1, μ 0.9, τ 0: b1 = g0 = 1, θ1 = 0.9;
        // b2 = 0.9·1 + 0.9 = 1.8, θ2 = 0.9 − 0.18 = 0.72.
        var p = new Parameter(Tensor.FromArray([1f]));
        var sgd = new Sgd([p], learningRate: 0.1f, momentum: 0.9f);
        SetGradientToValue(p);
        sgd.Step();
        Assert.Equal(0.9f, p.Data[0], 6);
        SetGradientToValue(p);
        sgd.Step();
        Assert.Equal(0.72f, p.Data[0], 6);
    }

    [Fact]
    public void Nesterov_first_step_adds_momentum_times_the_buffer()
    {
        // b1 = g = 1, d = g + μ·b1 = 1.9, θ1 = 1 − 0.1·1.9 = 0.81.
        var p = new Parameter(Tensor.FromArray([1f]));
        var sgd = new Sgd([p], learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        SetGradientToValue(p);
        sgd.Step();
        Assert.Equal(0.81f, p.Data[0], 6);
    }

    [Fact]
    public void Dampening_does_not_apply_to_the_first_step_but_scales_later_gradients()
    {
        // b1 = g0 = 1 (no dampening on the first step), θ1 = 0.9; b2 = 0.9·1 + 0.5·0.9 = 1.35, θ2 = 0.9 − 0.135.
        var p = new Parameter(Tensor.FromArray([1f]));
        var sgd = new Sgd([p], learningRate: 0.1f, momentum: 0.9f, dampening: 0.5f);
        SetGradientToValue(p);
        sgd.Step();
        SetGradientToValue(p);
        sgd.Step();
        Assert.Equal(0.765f, p.Data[0], 6);
    }

    [Fact]
    public void Adam_first_step_moves_each_element_by_the_learning_rate_against_the_gradient_sign()
    {
        // After one step m̂ = g and v̂ = g², so θ1 = θ0 − lr·g/(|g| + ε).
        var p = new Parameter(Tensor.FromArray([1f, -2f]));
        var adam = new Adam([p], learningRate: 0.01f);
        p.Grad = Tensor.FromArray([3f, -0.5f]);
        adam.Step();
        Assert.Equal(0.99f, p.Data[0], 6);
        Assert.Equal(-1.99f, p.Data[1], 6);
    }

    [Fact]
    public void AdamW_decays_the_weights_outside_the_adaptive_update()
    {
        // θ1 = θ0·(1 − lr·λ) − lr·sign(g) = 1·(1 − 0.1·0.5) − 0.1 = 0.85.
        var p = new Parameter(Tensor.FromArray([1f]));
        var adamw = new AdamW([p], learningRate: 0.1f, weightDecay: 0.5f);
        p.Grad = Tensor.FromArray([2f]);
        adamw.Step();
        Assert.Equal(0.85f, p.Data[0], 6);
    }

    [Fact]
    public void RmsProp_first_step_divides_by_the_root_of_the_smoothed_square()
    {
        // s1 = (1 − α)·g² = 0.01·4, θ1 = θ0 − lr·g/(√s1 + ε) = 1 − 0.01·2/0.2 = 0.9.
        var p = new Parameter(Tensor.FromArray([1f]));
        var rms = new RmsProp([p], learningRate: 0.01f);
        p.Grad = Tensor.FromArray([2f]);
        rms.Step();
        Assert.Equal(0.9f, p.Data[0], 5);
    }

    [Fact]
    public void Adagrad_first_step_moves_by_the_learning_rate()
    {
        // S1 = g², θ1 = θ0 − lr·g/|g|.
        var p = new Parameter(Tensor.FromArray([1f]));
        var adagrad = new Adagrad([p], learningRate: 0.1f);
        p.Grad = Tensor.FromArray([-4f]);
        adagrad.Step();
        Assert.Equal(1.1f, p.Data[0], 6);
    }

    private static void AssertTrajectory(string name, Func<Parameter[], IOptimizer> make, ISchedule? schedule)
    {
        var problem = new QuadraticProblem();
        var optimizer = make(problem.Parameters);
        var expected = OptimizerFixtures.Trajectories[name];
        for (int step = 0; step < expected.Length; step++)
        {
            problem.ComputeGradients();
            if (schedule is not null) optimizer.LearningRate = schedule.ValueAt(step);
            optimizer.Step();
            var actual = problem.Values();
            for (int i = 0; i < actual.Length; i++)
            {
                float tolerance = 2e-6f + 2e-6f * MathF.Abs(expected[step][i]);
                Assert.True(
                    MathF.Abs(actual[i] - expected[step][i]) <= tolerance,
                    $"{name}, step {step + 1}, element {i}: expected {expected[step][i]:R}, got {actual[i]:R}");
            }
        }
    }

    private static void SetGradientToValue(Parameter p) => p.Grad = Tensor.FromArray(p.ToArray());
}
