using System.Text.Json.Nodes;

namespace Keel.Tuning.SearchSpace;

/// <summary>An integer parameter in <c>[low, high]</c> on a grid of <c>step</c>, uniform or log-uniform.</summary>
/// <remarks>
/// As Optuna's <c>IntDistribution</c>: <c>log</c> needs <c>low ≥ 1</c> and <c>step = 1</c>; when
/// <c>high − low</c> is not a multiple of <c>step</c>, <c>high</c> is lowered to the last grid point.
/// </remarks>
public sealed record IntDistribution : ParameterDistribution
{
    /// <summary>Creates and validates the range.</summary>
    /// <exception cref="ArgumentException">The range is empty or the options conflict.</exception>
    public IntDistribution(long low, long high, bool log = false, long step = 1)
    {
        if (low > high)
            throw new ArgumentException($"Invalid int range: low {low} must be ≤ high {high}.");
        if (step < 1)
            throw new ArgumentException($"Invalid int step {step}: it must be ≥ 1.");
        if (log && step != 1)
            throw new ArgumentException($"A log-scale int parameter needs step 1, got step {step}.");
        if (log && low < 1)
            throw new ArgumentException($"A log-scale int parameter needs low ≥ 1, got low {low}.");
        Low = low;
        High = low + (high - low) / step * step;
        Log = log;
        Step = step;
    }

    /// <summary>The smallest value.</summary>
    public long Low { get; }

    /// <summary>The largest value (after adjustment to the step grid).</summary>
    public long High { get; }

    /// <summary>Whether values are drawn uniformly in <c>log(x)</c>.</summary>
    public bool Log { get; }

    /// <summary>The grid spacing.</summary>
    public long Step { get; }

    /// <inheritdoc/>
    public override bool Contains(double internalValue) =>
        internalValue >= Low && internalValue <= High && internalValue == Math.Round(internalValue)
        && ((long)internalValue - Low) % Step == 0;

    /// <inheritdoc/>
    public override object ToExternal(double internalValue) => (long)Math.Round(internalValue);

    /// <inheritdoc/>
    public override string ToJson() => new JsonObject
    {
        ["type"] = "int", ["low"] = Low, ["high"] = High, ["log"] = Log, ["step"] = Step,
    }.ToJsonString();
}
