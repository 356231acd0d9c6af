namespace Keel.Diagnostics;

/// <summary>Statistics of one parameter and its gradient on a probed step.</summary>
/// <param name="Name">The parameter's dotted name (<c>layers.2.weight</c>).</param>
/// <param name="Shape">Its shape.</param>
/// <param name="IsWeight">True for weight matrices (Linear, Embedding), false for biases and normalization gains.</param>
/// <param name="DataStd">Standard deviation of the values before the update.</param>
/// <param name="DataNorm">L2 norm of the values before the update.</param>
/// <param name="GradMean">Mean of the gradient (before clipping).</param>
/// <param name="GradStd">Standard deviation of the gradient.</param>
/// <param name="GradNorm">L2 norm of the gradient.</param>
/// <param name="GradToData"><c>std(g) / std(w)</c>; null when <c>std(w)</c> is 0.</param>
/// <param name="UpdateToData">
/// <c>log10(std(Δw) / std(w))</c> with Δw the change the optimizer (and constraints) really made
/// on this step, so momentum and Adam are measured as applied; about −3 is healthy (Karpathy,
/// makemore part 3). Null when the step was skipped or either standard deviation is 0.
/// </param>
/// <param name="GradHistogram">Histogram of the gradient (weights only), else null.</param>
public sealed record ParameterStats(
    string Name, int[] Shape, bool IsWeight, float DataStd, float DataNorm, float GradMean, float GradStd,
    float GradNorm, float? GradToData, float? UpdateToData, Histogram? GradHistogram);
