using Keel.Nn;
using Keel.Optim;
using Keel.Tensors;

namespace Keel.Benchmarks.TrainStep;

/// <summary>
/// One benchmarked network with its data: random integer tokens (fixed seed) through an embedding,
/// then blocks of Linear (no bias), BatchNorm1d and Tanh, then Linear to 27 classes. The PyTorch
/// side (benchmarks/compare/train_step_torch.py) builds the same network.
/// </summary>
/// <param name="Name">The case name: seed-small, seed-deep, wide or wide-eval.</param>
/// <param name="Context">Tokens of context.</param>
/// <param name="Embedding">Embedding dimension.</param>
/// <param name="Hidden">Width of each hidden block.</param>
/// <param name="Blocks">Number of hidden blocks.</param>
/// <param name="Batch">Batch size.</param>
/// <param name="EvalOnly">Forward pass in eval mode under no-grad instead of a training step.</param>
internal sealed record StepCase(string Name, int Context, int Embedding, int Hidden, int Blocks, int Batch, bool EvalOnly)
{
    public const int Vocabulary = 27;

    public static IReadOnlyList<StepCase> All { get; } =
    [
        new("seed-small", 3, 10, 200, 1, 32, false),
        new("seed-deep", 8, 24, 128, 5, 32, false),
        new("wide", 8, 64, 1024, 3, 512, false),
        new("wide-eval", 8, 64, 1024, 3, 512, true),
    ];

    public static StepCase Named(string name) => All.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"unknown case '{name}'; cases: {string.Join(", ", All.Select(c => c.Name))}");

    /// <summary>The network, its optimizer and one fixed batch, ready to step.</summary>
    public StepRunner Build()
    {
        var (model, x, y) = Network();
        return new StepRunner(model, new Sgd(model.Parameters(), learningRate: 0.1f), x, y, EvalOnly);
    }

    /// <summary>The network (seeded) and one fixed batch of inputs and targets.</summary>
    public (Sequential Model, Tensor X, Tensor Y) Network()
    {
        var generator = new Generator(1234);
        var layers = new List<Module> { new Embedding(Vocabulary, Embedding, generator: generator), new Flatten() };
        int inputs = Context * Embedding;
        for (int block = 0; block < Blocks; block++)
        {
            layers.Add(new Linear(inputs, Hidden, bias: false, generator: generator));
            layers.Add(new BatchNorm1d(Hidden));
            layers.Add(new Keel.Nn.Tanh());
            inputs = Hidden;
        }
        layers.Add(new Linear(inputs, Vocabulary, generator: generator));
        var model = new Sequential([.. layers]);
        var x = Tensor.RandomIntegers([Batch, Context], 0, Vocabulary, generator);
        var y = Tensor.RandomIntegers([Batch], 0, Vocabulary, generator);
        return (model, x, y);
    }
}

/// <summary>Runs one training step (forward, cross-entropy, zero grads, backward, SGD update) or one eval forward.</summary>
internal sealed class StepRunner(Sequential model, Sgd optimizer, Tensor x, Tensor y, bool evalOnly)
{
    public void Step()
    {
        if (evalOnly)
        {
            using var noGrad = GradMode.NoGrad();
            model.Forward(x).Dispose();
            return;
        }
        var loss = model.Forward(x).CrossEntropy(y);
        optimizer.ZeroGrad();
        loss.Backward();
        optimizer.Step();
        loss.Dispose();
    }

    public void Prepare()
    {
        if (evalOnly) model.Eval();
    }
}
