namespace Keel.Nn;

/// <summary>The recommended gain for a nonlinearity, PyTorch's <c>nn.init.calculate_gain</c>.</summary>
/// <remarks>
/// <code>
/// linear, identity, sigmoid, conv*   1
/// tanh                               5/3
/// relu                               √2
/// leaky_relu (slope a, default 0.01) √(2 / (1 + a²))
/// selu                               3/4
/// </code>
/// The gain multiplies the standard deviation of the initializers that take one (variance gain²/fan).
/// </remarks>
public static class Gain
{
    /// <summary>The gain for <paramref name="nonlinearity"/> (PyTorch's spelling, case-insensitive).</summary>
    /// <param name="nonlinearity">linear, identity, sigmoid, conv1d/2d/3d, tanh, relu, leaky_relu or selu.</param>
    /// <param name="negativeSlope">Slope of leaky_relu for negative inputs (PyTorch's default 0.01).</param>
    /// <exception cref="ArgumentException">An unknown nonlinearity.</exception>
    public static float For(string nonlinearity, float negativeSlope = 0.01f)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        return nonlinearity.ToLowerInvariant() switch
        {
            "linear" or "identity" or "sigmoid" or "conv1d" or "conv2d" or "conv3d" => 1f,
            "tanh" => 5f / 3f,
            "relu" => MathF.Sqrt(2f),
            "leaky_relu" => MathF.Sqrt(2f / (1f + negativeSlope * negativeSlope)),
            "selu" => 3f / 4f,
            _ => throw new ArgumentException(
                $"unknown nonlinearity '{nonlinearity}'; expected linear, identity, sigmoid, conv1d, conv2d, conv3d, tanh, relu, leaky_relu or selu",
                nameof(nonlinearity)),
        };
    }
}
