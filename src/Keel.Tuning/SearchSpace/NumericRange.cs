namespace Keel.Tuning.SearchSpace;

/// <summary>
/// A numeric distribution in the space samplers work in (Optuna's <c>_SearchSpaceTransform</c>):
/// <c>log(x)</c> for log scales, and bounds widened by half a step for stepped ranges, so that each
/// grid point owns an interval of equal width before rounding back.
/// </summary>
internal readonly record struct NumericRange(double Low, double High, double? Step, bool Log)
{
    /// <summary>The lower bound in the transformed space.</summary>
    public double TransformedLow => Transform(Low - (Step ?? 0) / 2);

    /// <summary>The upper bound in the transformed space.</summary>
    public double TransformedHigh => Transform(High + (Step ?? 0) / 2);

    public static NumericRange Of(ParameterDistribution distribution) => distribution switch
    {
        FloatDistribution f => new(f.Low, f.High, f.Step, f.Log),
        IntDistribution i => new(i.Low, i.High, i.Step, i.Log),
        _ => throw new ArgumentException($"{distribution} is not numeric."),
    };

    public double Transform(double x) => Log ? Math.Log(x) : x;

    /// <summary>Maps back from the transformed space, onto the step grid and into <c>[low, high]</c>.</summary>
    public double Untransform(double y)
    {
        double x = Log ? Math.Exp(y) : y;
        if (Step is { } s) x = Math.Round((x - Low) / s) * s + Low;
        return Math.Clamp(x, Low, High);
    }
}
