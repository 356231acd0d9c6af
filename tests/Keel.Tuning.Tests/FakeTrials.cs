using Keel.Tuning.Pruners;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Tests;

/// <summary>Hand-made trials for sampler and pruner tests.</summary>
internal static class FakeTrials
{
    public static FrozenTrial Make(int number, TrialState state, double? value = null,
        IEnumerable<double>? curve = null, Dictionary<string, string>? attrs = null) =>
        new(number, number, state, value, new Dictionary<string, double>(), new Dictionary<string, ParameterDistribution>(),
            (curve ?? []).Select((v, step) => (v, step)).ToDictionary(p => p.step, p => p.v),
            attrs ?? [], null, null, null);

    /// <summary>A pruner context for <paramref name="trial"/> among <paramref name="others"/>; attributes set go to <paramref name="attrs"/>.</summary>
    public static PrunerContext Context(FrozenTrial trial, IEnumerable<FrozenTrial> others,
        StudyDirection direction = StudyDirection.Minimize, Dictionary<string, string>? attrs = null, string studyName = "study") =>
        new(studyName, direction, trial, [.. others, trial], (k, v) => { if (attrs is not null) attrs[k] = v; });
}
