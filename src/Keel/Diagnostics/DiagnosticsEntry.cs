using System.Text.Json.Serialization;

namespace Keel.Diagnostics;

/// <summary>One line of <c>diagnostics.jsonl</c>; its <c>type</c> field says which kind.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RunHeader), "run")]
[JsonDerivedType(typeof(ProbeRecord), "probe")]
[JsonDerivedType(typeof(EvaluationRecord), "evaluation")]
public abstract record DiagnosticsEntry;

/// <summary>The first line: how the run was probed.</summary>
/// <param name="Every">Steps between probes.</param>
/// <param name="ExpectedInitialLoss">The loss of a uniform prediction, <c>ln(classes)</c>, when known.</param>
public sealed record RunHeader(long Every, float? ExpectedInitialLoss) : DiagnosticsEntry;

/// <summary>Everything one probe recorded.</summary>
/// <param name="Step">Optimizer steps taken before this batch (the first probe is step 0, before any update).</param>
/// <param name="Loss">Data loss of the batch.</param>
/// <param name="LearningRate">Learning rate of the step.</param>
/// <param name="GradNorm">Global L2 norm of all gradients, before clipping.</param>
/// <param name="Applied">False when the guard or clipping skipped the update.</param>
/// <param name="Layers">Each top-level layer's output, in order (empty for a model that is not a Sequential).</param>
/// <param name="Parameters">Each parameter, in registration order.</param>
public sealed record ProbeRecord(
    long Step, float Loss, float LearningRate, float GradNorm, bool Applied,
    IReadOnlyList<LayerStats> Layers, IReadOnlyList<ParameterStats> Parameters) : DiagnosticsEntry;

/// <summary>An evaluation's metrics (<c>loss</c>: mean training loss since the last one, <c>val_loss</c>, <c>lr</c>, …).</summary>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="Metrics">Metric name to value.</param>
public sealed record EvaluationRecord(long Step, IReadOnlyDictionary<string, float> Metrics) : DiagnosticsEntry;
