using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Samplers;

/// <summary>Proposes parameter values (Optuna's <c>BaseSampler</c>, independent sampling).</summary>
/// <remarks>
/// Samplers take all randomness from <see cref="SamplerContext.Random"/>, which is seeded with the
/// trial's seed, so a trial's proposal depends on the study seed, its number and the trials before
/// it, never on which worker ran it. A sampler holds no state between trials beyond its options.
/// </remarks>
public interface ISampler
{
    /// <summary>Called once when a trial starts, before its first parameter is suggested.</summary>
    void BeforeTrial(SamplerContext context);

    /// <summary>The internal value for parameter <paramref name="name"/> of the context's trial.</summary>
    double Sample(SamplerContext context, string name, ParameterDistribution distribution);

    /// <summary>Called once after the trial finished, with its final state.</summary>
    void AfterTrial(SamplerContext context, FrozenTrial finished);
}
