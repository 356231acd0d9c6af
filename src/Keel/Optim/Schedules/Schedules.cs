namespace Keel.Optim;

/// <summary>Factories for the learning-rate schedules, named as in Keras where Keras has them.</summary>
/// <example><code>Schedules.PiecewiseConstant([100_000, 150_000], [0.1f, 0.01f, 0.001f])</code></example>
public static class Schedules
{
    /// <inheritdoc cref="ConstantSchedule"/>
    public static ISchedule Constant(float value) => new ConstantSchedule(value);

    /// <inheritdoc cref="Optim.ExponentialDecay"/>
    public static ISchedule ExponentialDecay(float initialValue, long decaySteps, float decayRate, bool staircase = false)
        => new ExponentialDecay(initialValue, decaySteps, decayRate, staircase);

    /// <inheritdoc cref="Optim.PolynomialDecay"/>
    public static ISchedule PolynomialDecay(float initialValue, long decaySteps, float endValue = 1e-4f, float power = 1f, bool cycle = false)
        => new PolynomialDecay(initialValue, decaySteps, endValue, power, cycle);

    /// <inheritdoc cref="Optim.PiecewiseConstant"/>
    public static ISchedule PiecewiseConstant(long[] boundaries, float[] values) => new PiecewiseConstant(boundaries, values);

    /// <inheritdoc cref="Optim.StepDecay"/>
    public static ISchedule StepDecay(float initialValue, long stepSize, float gamma = 0.1f) => new StepDecay(initialValue, stepSize, gamma);

    /// <inheritdoc cref="Optim.CosineDecay"/>
    public static ISchedule CosineDecay(float initialValue, long decaySteps, float alpha = 0f, float? warmupTarget = null, long warmupSteps = 0)
        => new CosineDecay(initialValue, decaySteps, alpha, warmupTarget, warmupSteps);

    /// <inheritdoc cref="Optim.LinearWarmup"/>
    public static ISchedule LinearWarmup(ISchedule inner, long warmupSteps, float startValue = 0f) => new LinearWarmup(inner, warmupSteps, startValue);

    /// <inheritdoc cref="Optim.OneCycle"/>
    public static ISchedule OneCycle(float maxValue, long totalSteps, float pctStart = 0.3f, bool cosine = true, float divFactor = 25f, float finalDivFactor = 1e4f, bool threePhase = false)
        => new OneCycle(maxValue, totalSteps, pctStart, cosine, divFactor, finalDivFactor, threePhase);
}
