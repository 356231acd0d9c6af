using Keel.Nn;
using Keel.Tensors;

namespace Keel.Tests.Nn;

/// <summary>The character-level MLP of Karpathy's makemore (part 3), built from Keel's layers.</summary>
public sealed class SourceNetworkTests
{
    private static Sequential Build(Generator generator) => new(
        new Embedding(27, 10, generator: generator), new Flatten(),
        new Linear(30, 200, bias: false, generator: generator), new BatchNorm1d(200), new Tanh(),
        new Linear(200, 27, generator: generator));

    [Fact]
    public void The_network_has_12097_parameters_and_its_summary_prints_them()
    {
        var model = Build(new Generator(1));
        Assert.Equal(12_097, model.ParameterCount);
        var summary = model.Summary([32, 3]);
        Assert.Contains("Total params: 12,097", summary);
        Assert.Contains("[32, 27]", summary);
    }

    [Fact]
    public void A_few_hundred_sgd_steps_on_a_small_batch_of_names_lower_the_loss()
    {
        var (contexts, targets) = NamesData.Examples(NamesData.Load().Take(16), context: 3);
        var x = Tensor.FromArray(contexts, [targets.Length, 3]);
        var y = Tensor.FromArray(targets);
        var model = Build(new Generator(42));
        const float learningRate = 0.1f;

        float first = 0, last = 0;
        for (int step = 0; step < 300; step++)
        {
            var loss = Losses.CrossEntropy(model.Forward(x), y);
            model.ZeroGrad();
            loss.Backward();
            foreach (var p in model.Parameters())
            {
                var data = p.Data;
                var grad = p.Grad!.Data;
                for (int i = 0; i < data.Length; i++) data[i] -= learningRate * grad[i];
            }
            if (step == 0) first = loss.Item();
            last = loss.Item();
        }

        Assert.True(float.IsFinite(last), $"loss became {last}");
        // Uniform guessing costs ln 27 = 3.30; a network that fits these ~100 examples goes far below.
        Assert.InRange(first, 2.8f, 5f);
        Assert.True(last < 0.5f * first, $"loss went from {first} to {last}");
        model.Eval();
        Assert.True(float.IsFinite(Losses.CrossEntropy(model.Forward(x), y).Item()));
    }
}
