using Keel.Optim;
using Keel.Tensors;

namespace Keel.Tests.Optim;

public sealed class ParameterGroupTests
{
    [Fact]
    public void A_group_without_decay_keeps_its_biases_while_the_default_decays_the_weights()
    {
        var weight = new Parameter(Tensor.Ones([2]), "w");
        var bias = new Parameter(Tensor.Ones([2]), "b");
        var sgd = new Sgd([new ParameterGroup([weight]), new ParameterGroup([bias], weightDecay: 0f)], learningRate: 0.1f, weightDecay: 0.5f);
        weight.Grad = Tensor.Zeros([2]);
        bias.Grad = Tensor.Zeros([2]);
        sgd.Step();
        Assert.Equal([0.95f, 0.95f], weight.ToArray());
        Assert.Equal([1f, 1f], bias.ToArray());
    }

    [Fact]
    public void Setting_the_base_learning_rate_keeps_the_ratios_between_groups()
    {
        var a = new Parameter(Tensor.Ones([1]), "a");
        var b = new Parameter(Tensor.Ones([1]), "b");
        var adam = new Adam([new ParameterGroup([a]), new ParameterGroup([b], learningRate: 0.01f)], learningRate: 0.1f);
        Assert.Equal(0.01f, adam.Groups[1].LearningRate);
        adam.LearningRate = 0.5f;
        Assert.Equal(0.5f, adam.Groups[0].LearningRate);
        Assert.Equal(0.05f, adam.Groups[1].LearningRate, 6);
    }

    [Fact]
    public void A_parameter_in_two_groups_is_rejected_with_its_name()
    {
        var p = new Parameter(Tensor.Ones([1]), "layers.0.weight");
        var error = Assert.Throws<ArgumentException>(() => new Sgd([new ParameterGroup([p]), new ParameterGroup([p])]));
        Assert.Contains("layers.0.weight appears in more than one group", error.Message);
    }

    [Fact]
    public void Invalid_hyperparameters_are_rejected_with_pytorch_messages()
    {
        Parameter[] p = [new Parameter(Tensor.Ones([1]))];
        Assert.Contains("Invalid learning rate: -0.1", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(p, learningRate: -0.1f)).Message);
        Assert.Contains("Invalid beta parameter at index 1: 1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, beta2: 1f)).Message);
        Assert.Contains("Invalid alpha value: 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(p, alpha: 1.5f)).Message);
        Assert.Contains("Nesterov momentum requires a momentum and zero dampening", Assert.Throws<ArgumentException>(() => new Sgd(p, nesterov: true)).Message);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => new Adam(Array.Empty<Parameter>())).Message);
    }

    [Fact]
    public void ZeroGrad_drops_every_gradient_or_fills_it_with_zeros()
    {
        var problem = new QuadraticProblem();
        var sgd = new Sgd(problem.Parameters);
        problem.ComputeGradients();
        sgd.ZeroGrad(setToNone: false);
        Assert.All(problem.Parameters, p => Assert.All(p.Grad!.ToArray(), g => Assert.Equal(0f, g)));
        sgd.ZeroGrad();
        Assert.All(problem.Parameters, p => Assert.Null(p.Grad));
    }

    [Fact]
    public void A_parameter_without_a_gradient_after_zero_grad_is_not_moved_by_momentum()
    {
        // PyTorch 2: zero_grad() sets grads to None and step() skips those parameters; zeroed gradients
        // would still let momentum carry them.
        var problem = new QuadraticProblem();
        var dropped = new Sgd(problem.Parameters, learningRate: 0.1f, momentum: 0.9f);
        problem.ComputeGradients();
        dropped.Step();
        var before = problem.Values();
        dropped.ZeroGrad();
        dropped.Step();
        Assert.Equal(before, problem.Values());
        dropped.ZeroGrad(setToNone: false);
        problem.ComputeGradients();
        dropped.ZeroGrad(setToNone: false);
        dropped.Step();
        Assert.NotEqual(before, problem.Values());
    }

    [Fact]
    public void Groups_are_written_as_a_collection_expression_of_parameter_groups()
    {
        Parameter[] weights = [new Parameter(Tensor.Ones([2, 2]), "w")];
        Parameter[] biases = [new Parameter(Tensor.Ones([2]), "b")];
        var adamw = new AdamW([new ParameterGroup(weights), new ParameterGroup(biases, weightDecay: 0f)], learningRate: 3e-4f);
        Assert.Equal(1e-2f, adamw.Groups[0].WeightDecay);
        Assert.Equal(0f, adamw.Groups[1].WeightDecay);
    }
}
