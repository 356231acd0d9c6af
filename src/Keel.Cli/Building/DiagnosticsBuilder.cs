using Keel.Cli.Config;
using Keel.Diagnostics;
using Keel.Nn;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>diagnostics: {every: N}</c> into a <see cref="Probe"/>: statistics every N steps (by
/// default a hundred probes over the run), <c>every: 0</c> for none.
/// </summary>
internal static class DiagnosticsBuilder
{
    public static Probe? Build(ConfigNode node, long steps, Module model)
    {
        long every = node.Long("every", Math.Max(1, steps / 100));
        if (every < 0) throw node["every"].Error($"must be ≥ 0 (0 turns diagnostics off), got {every}");
        node.RejectUnknownKeys();
        if (every == 0) return null;
        // The loss is cross-entropy over the last linear layer's outputs: a uniform prediction scores ln(classes).
        int classes = model is Sequential layers ? layers.OfType<Linear>().LastOrDefault()?.OutFeatures ?? 0 : 0;
        return new Probe(every, classes > 1 ? MathF.Log(classes) : null);
    }
}
