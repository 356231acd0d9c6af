using Keel.Cli.Config;
using Keel.Nn;

namespace Keel.Cli.Building;

/// <summary>Activation layers by config name: <c>tanh</c>, <c>sigmoid</c>, <c>relu</c>, <c>leaky_relu</c>, <c>elu</c>, <c>selu</c>, <c>gelu</c>, <c>softmax</c>.</summary>
internal static class Activations
{
    /// <summary>The activation layer named <paramref name="kind"/>, or null when there is none.</summary>
    public static Module? Build(string kind, ConfigNode body) => kind switch
    {
        "tanh" => new Keel.Nn.Tanh(),
        _ => null,
    };
}
