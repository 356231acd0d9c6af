using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Samplers;

/// <summary>Independent uniform sampling (Optuna's <c>RandomSampler</c>, Bergstra and Bengio 2012).</summary>
/// <remarks>
/// A numeric value is uniform in the transformed space (<c>log(x)</c> for log scales; bounds widened
/// by half a step for stepped and integer ranges) and mapped back onto the grid, as Optuna does; a
/// categorical choice is uniform over the choices. Seeded through the trial's seed.
/// </remarks>
public sealed class RandomSampler : ISampler
{
    /// <inheritdoc/>
    public void BeforeTrial(SamplerContext context)
    {
    }

    /// <inheritdoc/>
    public double Sample(SamplerContext context, string name, ParameterDistribution distribution) =>
        Draw(context.Random, distribution);

    /// <inheritdoc/>
    public void AfterTrial(SamplerContext context, FrozenTrial finished)
    {
    }

    /// <summary>One uniform draw from <paramref name="distribution"/>, as an internal value.</summary>
    internal static double Draw(Random random, ParameterDistribution distribution)
    {
        if (distribution is CategoricalDistribution c) return random.Next(c.Choices.Count);
        var range = NumericRange.Of(distribution);
        double low = range.TransformedLow, high = range.TransformedHigh;
        return range.Untransform(low + random.NextDouble() * (high - low));
    }
}
