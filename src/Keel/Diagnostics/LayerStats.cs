namespace Keel.Diagnostics;

/// <summary>Statistics of one layer's output on a probed batch, and of the gradient that reached it.</summary>
/// <param name="Name">The layer's dotted path (<c>layers.4</c>).</param>
/// <param name="Type">The layer's description (<c>Tanh</c>, <c>Linear(100, 100)</c>).</param>
/// <param name="Activation">How the output is judged.</param>
/// <param name="Mean">Mean of the output.</param>
/// <param name="Std">Population standard deviation of the output.</param>
/// <param name="Saturation">Fraction of saturated outputs (tanh, sigmoid), else null.</param>
/// <param name="DeadFraction">Fraction of units never positive on the batch (ReLU family), else null.</param>
/// <param name="Histogram">Histogram of the output.</param>
/// <param name="GradMean">Mean of ∂L/∂output, or null when no gradient reached it.</param>
/// <param name="GradStd">Standard deviation of ∂L/∂output, or null.</param>
/// <param name="GradHistogram">Histogram of ∂L/∂output, or null.</param>
public sealed record LayerStats(
    string Name, string Type, ActivationKind Activation, float Mean, float Std, float? Saturation,
    float? DeadFraction, Histogram Histogram, float? GradMean, float? GradStd, Histogram? GradHistogram);
