using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// A fully connected layer, <c>y = x @ W + b</c>, like PyTorch's <c>nn.Linear</c> and Keras'
/// <c>Dense</c>. The weight is <c>[in, out]</c> (Keras' kernel layout; PyTorch stores the
/// transpose, <c>[out, in]</c>, and computes <c>x @ Wᵀ + b</c>).
/// </summary>
/// <remarks>
/// Takes <c>[…, in]</c> and gives <c>[…, out]</c>. Default initialization is PyTorch's: weight
/// and bias from U(−1/√in, 1/√in), which is <c>kaiming_uniform_</c> with <c>a = √5</c>; it keeps
/// a new layer's outputs at about the scale of its inputs without assuming a nonlinearity.
/// (Keras defaults to Glorot uniform and a zero bias.) For a tanh or ReLU network pass
/// <c>Initializers.KaimingNormal("tanh")</c> or <c>("relu")</c>. A Linear followed by batch
/// normalization needs no bias: <c>bias: false</c>.
/// </remarks>
public sealed class Linear : Module
{
    /// <summary>PyTorch's default for both weight and bias: U(−1/√in, 1/√in).</summary>
    public static readonly IInitializer DefaultInit = Initializers.KaimingUniform("leaky_relu", FanMode.FanIn, MathF.Sqrt(5f));

    /// <summary>A layer mapping <paramref name="inFeatures"/> inputs to <paramref name="outFeatures"/> outputs.</summary>
    /// <param name="inFeatures">Size of the input's last axis.</param>
    /// <param name="outFeatures">Size of the output's last axis.</param>
    /// <param name="bias">Whether to add a learned bias.</param>
    /// <param name="weightInit">Initializer of the weight (default <see cref="DefaultInit"/>).</param>
    /// <param name="biasInit">Initializer of the bias (default <see cref="DefaultInit"/>, with the layer's fans).</param>
    /// <param name="generator">Randomness for initialization; default <c>new Generator(Initializers.DefaultSeed)</c>.</param>
    public Linear(int inFeatures, int outFeatures, bool bias = true, IInitializer? weightInit = null, IInitializer? biasInit = null, Generator? generator = null)
    {
        if (inFeatures <= 0 || outFeatures <= 0)
            throw new ArgumentException($"Linear: feature counts must be positive, got in {inFeatures} and out {outFeatures}");
        (InFeatures, OutFeatures) = (inFeatures, outFeatures);
        generator ??= new Generator(Initializers.DefaultSeed);
        var fans = new Fans(inFeatures, outFeatures);
        Weight = RegisterParameter("weight", Initializers.Create(weightInit ?? DefaultInit, [inFeatures, outFeatures], fans, generator), isWeight: true);
        if (bias) Bias = RegisterParameter("bias", Initializers.Create(biasInit ?? DefaultInit, [outFeatures], fans, generator));
    }

    /// <summary>Number of inputs.</summary>
    public int InFeatures { get; }

    /// <summary>Number of outputs.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, <c>[in, out]</c>.</summary>
    public Parameter Weight { get; }

    /// <summary>The bias, <c>[out]</c>, or null.</summary>
    public Parameter? Bias { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        if (input.Rank < 1 || input.Shape[-1] != InFeatures)
            throw new ArgumentException($"{LayerName}: expected an input of shape [..., {InFeatures}], got {input.Shape}");
        return input.Linear(Weight, Bias);
    }

    /// <inheritdoc />
    public override string ToString() => $"Linear({InFeatures}, {OutFeatures}{(Bias is null ? ", bias: false" : "")})";
}
