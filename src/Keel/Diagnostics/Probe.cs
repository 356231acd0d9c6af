using Keel.Nn;
using Keel.Tensors;

namespace Keel.Diagnostics;

/// <summary>
/// Records what a network does on every <see cref="Every"/>-th training step (step 0 first, before
/// any update): each layer's output and the gradient that reached it, each parameter's gradient,
/// the update the optimizer really applied, the global gradient norm, the loss and the learning rate.
/// </summary>
/// <remarks>
/// A trainer calls, on a due step only: <see cref="Forward"/> instead of the model's forward,
/// <see cref="AfterBackward"/> once gradients exist (before clipping and the update), and
/// <see cref="Complete"/> after the update and constraints. Layer outputs are seen by running a
/// <see cref="Sequential"/>'s layers one by one, the same computation its own forward does, so a
/// probe costs no second forward pass and leaves batch-norm statistics alone; the outputs are
/// retained through backward to read their gradients, then returned to the pool. A trainer without
/// a probe pays one null check per step.
/// </remarks>
public sealed class Probe
{
    private ProbeStep? _current;
    private ParameterSnapshot? _snapshot;

    /// <summary>A probe recording every <paramref name="every"/> steps.</summary>
    /// <param name="every">Steps between probes (at least 1).</param>
    /// <param name="expectedInitialLoss">The loss of a uniform prediction, <c>ln(classes)</c> for cross-entropy; null when unknown.</param>
    public Probe(long every, float? expectedInitialLoss = null)
    {
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), $"a probe needs every ≥ 1, got {every}");
        Every = every;
        Log = new DiagnosticsLog(new RunHeader(every, expectedInitialLoss));
    }

    /// <summary>Steps between probes.</summary>
    public long Every { get; }

    /// <summary>Everything recorded so far.</summary>
    public DiagnosticsLog Log { get; }

    /// <summary>Whether the step that starts after <paramref name="step"/> updates is probed.</summary>
    public bool IsDue(long step) => step % Every == 0;

    /// <summary>The model's output for <paramref name="input"/>, recording each top-level layer's output on the way.</summary>
    public Tensor Forward(Module model, Tensor input)
    {
        _current = new ProbeStep(input);
        if (model is not Sequential sequential) return model.Forward(input);
        var x = input;
        foreach (var (name, layer) in sequential.NamedChildren())
        {
            x = layer.Forward(x);
            _current.Observe(layer.Path.Length > 0 ? layer.Path : name, layer, x);
        }
        return x;
    }

    /// <summary>Reads the gradients (before clipping) and keeps the parameters' values to measure the update.</summary>
    public void AfterBackward(Module model)
    {
        var step = _current ?? throw new InvalidOperationException("Probe.AfterBackward needs Probe.Forward first on the same step");
        step.ReadLayerGradients();
        _snapshot ??= new ParameterSnapshot(model);
        _snapshot.Capture();
    }

    /// <summary>Finishes the probe of the step taken after <paramref name="step"/> updates and adds its record to <see cref="Log"/>.</summary>
    /// <param name="step">Updates taken before this step.</param>
    /// <param name="loss">The batch's data loss.</param>
    /// <param name="learningRate">The learning rate the step used.</param>
    /// <param name="applied">False when the update was skipped.</param>
    public void Complete(long step, float loss, float learningRate, bool applied)
    {
        var current = _current ?? throw new InvalidOperationException("Probe.Complete needs Probe.Forward first on the same step");
        var snapshot = _snapshot ?? throw new InvalidOperationException("Probe.Complete needs Probe.AfterBackward first on the same step");
        var (parameters, gradNorm) = snapshot.Measure(applied);
        Log.Add(new ProbeRecord(step, loss, learningRate, gradNorm, applied, current.Layers, parameters));
        _current = null;
    }

    /// <summary>Adds an evaluation's metrics to <see cref="Log"/> (for the loss curves and the overfitting check).</summary>
    public void RecordEvaluation(long step, IReadOnlyDictionary<string, float> metrics)
        => Log.Add(new EvaluationRecord(step, new Dictionary<string, float>(metrics)));
}
