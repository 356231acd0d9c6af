using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

public sealed class ModuleTests
{
    private static Sequential Model() => new(
        new Embedding(27, 10), new Flatten(),
        new Linear(30, 200, bias: false), new BatchNorm1d(200), new Tanh(),
        new Linear(200, 27));

    [Fact]
    public void Parameters_and_buffers_have_dotted_pytorch_names_in_order()
    {
        var model = Model();
        Assert.Equal(
            ["layers.0.weight", "layers.2.weight", "layers.3.weight", "layers.3.bias", "layers.5.weight", "layers.5.bias"],
            model.NamedParameters().Select(p => p.Name));
        Assert.Equal(["layers.3.running_mean", "layers.3.running_var"], model.NamedBuffers().Select(b => b.Name));
        Assert.All(model.NamedParameters(), p => Assert.Equal(p.Name, p.Parameter.Name));
        Assert.Equal(
            ["layers.0.weight", "layers.2.weight", "layers.3.weight", "layers.3.bias", "layers.3.running_mean", "layers.3.running_var", "layers.5.weight", "layers.5.bias"],
            model.StateDict().Keys);
    }

    [Fact]
    public void Weights_are_the_weight_matrices_only()
    {
        var model = Model();
        Assert.Equal(["layers.0.weight", "layers.2.weight", "layers.5.weight"], model.Weights().Select(w => w.Name));
    }

    [Fact]
    public void Nesting_renames_tensors_to_their_path_from_the_new_root()
    {
        var inner = new Sequential(new Linear(2, 2));
        Assert.Equal("layers.0.weight", inner[0].Parameters().First().Name);
        var outer = new Sequential(new Linear(2, 2), inner);
        Assert.Equal(["layers.0.weight", "layers.0.bias", "layers.1.layers.0.weight", "layers.1.layers.0.bias"], outer.NamedParameters().Select(p => p.Name));
        Assert.Equal("layers.1.layers.0.weight", inner[0].Parameters().First().Name);
    }

    [Fact]
    public void A_module_cannot_be_registered_twice()
    {
        var shared = new Linear(2, 2);
        var error = Assert.Throws<ArgumentException>(() => new Sequential(shared, shared));
        Assert.Contains("already part of this model", error.Message);
    }

    [Fact]
    public void Train_and_eval_propagate_to_every_descendant()
    {
        var model = new Sequential(new Linear(2, 2), new Sequential(new Dropout(0.5f)));
        Assert.True(((Sequential)model[1])[0].IsTraining);
        model.Eval();
        Assert.Equal(["", "layers.0", "layers.1", "layers.1.layers.0"], model.NamedModules().Select(m => m.Name));
        Assert.All(model.NamedModules(), m => Assert.False(m.Module.IsTraining));
        model.Train();
        Assert.All(model.NamedModules(), m => Assert.True(m.Module.IsTraining));
    }

    [Fact]
    public void Sequential_is_indexable_from_both_ends_and_enumerable()
    {
        var model = Model();
        Assert.Equal(6, model.Count);
        Assert.IsType<BatchNorm1d>(model[3]);
        Assert.IsType<Linear>(model[-1]);
        Assert.Equal(6, model.Count());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model[6]);
        Assert.Contains("layer index 6 is out of range for a Sequential of 6 layers", error.Message);
    }

    [Fact]
    public void The_source_network_has_12097_parameters()
    {
        Assert.Equal(12_097, Model().ParameterCount);
        Assert.Equal(400, Model().Buffers().Sum(b => b.Size));
    }

    [Fact]
    public void Summary_lists_each_layer_with_its_output_shape_and_parameters_like_keras()
    {
        var summary = Model().Summary([32, 3]);
        string[] expected =
        [
            "layers.0 (Embedding)    [32, 3, 10]       270",
            "layers.1 (Flatten)      [32, 30]            0",
            "layers.2 (Linear)       [32, 200]       6,000",
            "layers.3 (BatchNorm1d)  [32, 200]         400",
            "layers.4 (Tanh)         [32, 200]           0",
            "layers.5 (Linear)       [32, 27]        5,427",
            "Total params: 12,097",
            "Trainable params: 12,097",
            "Non-trainable params: 0",
            "Buffers (saved, not trained): 400",
        ];
        var lines = summary.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.All(expected, line => Assert.Contains(line, lines));
    }

    [Fact]
    public void Summary_leaves_training_mode_and_running_statistics_untouched()
    {
        var model = Model();
        model.Summary([4, 3]);
        Assert.True(model[3].IsTraining);
        Assert.All(((BatchNorm1d)model[3]).RunningMean!.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Zero_grad_drops_every_parameter_gradient_or_fills_it_with_zeros()
    {
        var model = new Sequential(new Linear(3, 2));
        model.Forward(Tensor.Ones([2, 3])).Sum().Backward();
        Assert.Contains(model.Parameters(), p => p.Grad!.ToArray().Any(g => g != 0));
        model.ZeroGrad(setToNone: false);
        Assert.All(model.Parameters(), p => Assert.All(p.Grad!.ToArray(), g => Assert.Equal(0f, g)));
        model.ZeroGrad();
        Assert.All(model.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Backward_after_dropping_gradients_gives_the_gradients_of_a_fresh_model()
    {
        // The dropped buffers are written over, not added to: nothing of the first pass may survive.
        var x = Tensor.FromArray(new float[,] { { 1f, -2f, 0.5f }, { 3f, 0.25f, -1f } });
        var reused = new Sequential(new Linear(3, 4, generator: new Generator(5)), new Keel.Nn.Tanh(), new Linear(4, 2, generator: new Generator(6)));
        var fresh = new Sequential(new Linear(3, 4, generator: new Generator(5)), new Keel.Nn.Tanh(), new Linear(4, 2, generator: new Generator(6)));
        (reused.Forward(x) * 7f).Sum().Backward();
        reused.ZeroGrad();
        reused.Forward(x).Sum().Backward();
        fresh.Forward(x).Sum().Backward();
        var pairs = reused.Parameters().Zip(fresh.Parameters());
        Assert.All(pairs, pair => Assert.Equal(pair.Second.Grad!.ToArray(), pair.First.Grad!.ToArray()));
    }

    [Fact]
    public void A_custom_module_registers_its_own_parameters_and_children()
    {
        var model = new Residual();
        Assert.Equal(["scale", "inner.weight", "inner.bias"], model.NamedParameters().Select(p => p.Name));
        Assert.Equal(["inner.weight"], model.Weights().Select(w => w.Name));
        Assert.Equal(1 + 4 + 2, model.ParameterCount);
        var x = Tensor.Ones([3, 2]);
        Assert.Equal(new Shape([3, 2]), model.Forward(x).Shape);
        Assert.Contains("Residual", model.Summary([3, 2]));
        var error = Assert.Throws<ArgumentException>(() => model.RegisterAgain());
        Assert.Equal("Residual already has a tensor or child named 'scale'", error.Message);
    }

    private sealed class Residual : Module
    {
        private readonly Parameter _scale;
        private readonly Linear _inner;

        public Residual()
        {
            _scale = RegisterParameter("scale", Tensor.Full([1], 0.5f));
            _inner = RegisterModule("inner", new Linear(2, 2));
        }

        public override Tensor Forward(Tensor input) => input + _inner.Forward(input) * _scale;

        public void RegisterAgain() => RegisterBuffer("scale", Tensor.Zeros([1]));
    }
}
