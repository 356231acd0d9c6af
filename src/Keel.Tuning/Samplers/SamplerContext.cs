namespace Keel.Tuning.Samplers;

/// <summary>What a sampler may see and do while proposing one trial's parameters.</summary>
/// <param name="StudyName">The study's name.</param>
/// <param name="Direction">Whether the study minimizes or maximizes.</param>
/// <param name="Trial">The trial being sampled, as it was when it started.</param>
/// <param name="Trials">The study's trials when this trial started (this one included, running).</param>
/// <param name="Random">The trial's random numbers, seeded with <see cref="Tuning.Trial.Seed"/>.</param>
/// <param name="SystemAttrs">The trial's system attributes as they are now, updated by <paramref name="SetSystemAttr"/>.</param>
/// <param name="SetSystemAttr">Records a bookkeeping attribute on the trial.</param>
/// <param name="Stop">Asks the study to start no further trials (Optuna's <c>study.stop()</c>).</param>
public sealed record SamplerContext(
    string StudyName,
    StudyDirection Direction,
    FrozenTrial Trial,
    IReadOnlyList<FrozenTrial> Trials,
    Random Random,
    IReadOnlyDictionary<string, string> SystemAttrs,
    Action<string, string> SetSystemAttr,
    Action Stop);
