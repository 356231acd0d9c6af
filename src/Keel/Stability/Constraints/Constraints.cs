namespace Keel.Stability;

/// <summary>Factories for the weight constraints, with Keras' names, formulas and defaults.</summary>
/// <example><code>Constraints.MaxNorm(3.0f, axis: 0).For(model.Weights())</code></example>
public static class Constraints
{
    /// <summary>Keras' epsilon in the constraints' denominators (<c>backend.epsilon()</c>).</summary>
    public const float Epsilon = 1e-7f;

    /// <inheritdoc cref="Stability.MaxNorm"/>
    public static MaxNorm MaxNorm(float maxValue = 2f, int axis = 0) => new(maxValue, axis);

    /// <inheritdoc cref="Stability.UnitNorm"/>
    public static UnitNorm UnitNorm(int axis = 0) => new(axis);

    /// <inheritdoc cref="Stability.NonNeg"/>
    public static NonNeg NonNeg() => new();

    /// <inheritdoc cref="Stability.MinMaxNorm"/>
    public static MinMaxNorm MinMaxNorm(float minValue = 0f, float maxValue = 1f, float rate = 1f, int axis = 0) => new(minValue, maxValue, rate, axis);

    /// <inheritdoc cref="Stability.TotalNorm"/>
    public static TotalNorm TotalNorm(float limit) => new(limit);
}
