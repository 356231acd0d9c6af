using Keel.Cli.Config;
using Keel.Nn;
using Keel.Tensors;

namespace Keel.Cli.Building;

/// <summary>Activation layers by config name: <c>tanh</c>, <c>sigmoid</c>, <c>relu</c>, <c>leaky_relu</c>, <c>elu</c>, <c>selu</c>, <c>gelu</c>, <c>softmax</c>.</summary>
internal static class Activations
{
    /// <summary>The activation layer named <paramref name="kind"/>, or null when there is none.</summary>
    public static Module? Build(string kind, ConfigNode body) => kind switch
    {
        "tanh" => new Keel.Nn.Tanh(),
        "sigmoid" => new Sigmoid(),
        "relu" => new Relu(),
        "leaky_relu" => new LeakyRelu(body.Float("negative_slope", 0.01f)),
        "elu" => new Elu(body.Float("alpha", 1f)),
        "selu" => new Selu(),
        "gelu" => new Gelu(body.String("approximate", "none") switch
        {
            "none" => GeluApproximation.None,
            "tanh" => GeluApproximation.Tanh,
            var other => throw body["approximate"].Error($"expected none or tanh, got '{other}'"),
        }),
        "softmax" => new Softmax(body.Int("axis", -1)),
        _ => null,
    };
}
