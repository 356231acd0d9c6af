using System.Text.Json.Nodes;

namespace Keel.Tuning.SearchSpace;

/// <summary>A real parameter in <c>[low, high]</c>, uniform or log-uniform, optionally on a grid of <c>step</c>.</summary>
/// <remarks>
/// As Optuna's <c>FloatDistribution</c>: <c>log</c> and <c>step</c> exclude each other, <c>log</c>
/// needs <c>low &gt; 0</c>, and when <c>high − low</c> is not a multiple of <c>step</c>, <c>high</c> is
/// lowered to the last grid point <c>low + k·step</c> (Optuna warns and does the same).
/// </remarks>
public sealed record FloatDistribution : ParameterDistribution
{
    /// <summary>Creates and validates the range.</summary>
    /// <exception cref="ArgumentException">The range is empty, not finite, or the options conflict.</exception>
    public FloatDistribution(double low, double high, bool log = false, double? step = null)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
            throw new ArgumentException($"Invalid float range: low {low} must be ≤ high {high}, both finite.");
        if (log && step is not null)
            throw new ArgumentException($"A float parameter cannot have both log: true and step {step}.");
        if (log && low <= 0)
            throw new ArgumentException($"A log-scale float parameter needs low > 0, got low {low}.");
        if (step is { } s)
        {
            if (!(s > 0) || !double.IsFinite(s))
                throw new ArgumentException($"Invalid float step {s}: it must be a positive number.");
            double k = Math.Floor((high - low) / s + 1e-9);
            high = Math.Min(high, low + k * s);
        }
        Low = low;
        High = high;
        Log = log;
        Step = step;
    }

    /// <summary>The smallest value.</summary>
    public double Low { get; }

    /// <summary>The largest value (after adjustment to the step grid).</summary>
    public double High { get; }

    /// <summary>Whether values are drawn uniformly in <c>log(x)</c>.</summary>
    public bool Log { get; }

    /// <summary>The grid spacing, or null for a continuous range.</summary>
    public double? Step { get; }

    /// <inheritdoc/>
    public override bool Contains(double internalValue)
    {
        if (!(internalValue >= Low && internalValue <= High)) return false;
        if (Step is not { } s) return true;
        double k = (internalValue - Low) / s;
        return Math.Abs(k - Math.Round(k)) < 1e-8;
    }

    /// <inheritdoc/>
    public override object ToExternal(double internalValue) => internalValue;

    /// <inheritdoc/>
    public override string ToJson() => new JsonObject
    {
        ["type"] = "float", ["low"] = Low, ["high"] = High, ["log"] = Log, ["step"] = Step,
    }.ToJsonString();
}
