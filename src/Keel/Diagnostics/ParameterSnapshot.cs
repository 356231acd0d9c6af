using Keel.Nn;
using Keel.Tensors;

namespace Keel.Diagnostics;

/// <summary>
/// The model's parameters and gradients as they stood after backward, kept in reused buffers so
/// that the update the optimizer then applied can be measured as <c>w_after − w_before</c>.
/// </summary>
internal sealed class ParameterSnapshot
{
    private readonly (string Name, Parameter Parameter, bool IsWeight)[] _parameters;
    private readonly float[][] _before;
    private readonly (float Mean, float Std, float Norm)[] _gradients;
    private readonly Histogram?[] _histograms;
    private float[] _scratch = [];

    public ParameterSnapshot(Module model)
    {
        var weights = new HashSet<Parameter>(model.Weights(), ReferenceEqualityComparer.Instance);
        _parameters = [.. model.NamedParameters().Select(p => (p.Name, p.Parameter, weights.Contains(p.Parameter)))];
        _before = [.. _parameters.Select(p => new float[p.Parameter.Size])];
        _gradients = new (float, float, float)[_parameters.Length];
        _histograms = new Histogram?[_parameters.Length];
    }

    /// <summary>Copies the values and summarizes the gradients (as backward left them, before clipping).</summary>
    public void Capture()
    {
        for (int i = 0; i < _parameters.Length; i++)
        {
            var (_, parameter, isWeight) = _parameters[i];
            parameter.Data.CopyTo(_before[i]);
            ReadOnlySpan<float> grad = parameter.Grad is { } g ? g.Data : new float[parameter.Size];
            _gradients[i] = Statistics.Moments(grad);
            _histograms[i] = isWeight ? Histogram.Of(grad) : null;
        }
    }

    /// <summary>Each parameter's statistics, with the update measured against the captured values, and the global gradient norm.</summary>
    public (ParameterStats[] Parameters, float GradNorm) Measure(bool applied)
    {
        var stats = new ParameterStats[_parameters.Length];
        double squares = 0;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var (name, parameter, isWeight) = _parameters[i];
            var before = _before[i];
            var (_, dataStd, dataNorm) = Statistics.Moments(before);
            var (gradMean, gradStd, gradNorm) = _gradients[i];
            squares += (double)gradNorm * gradNorm;
            float? update = null;
            if (applied && dataStd > 0)
            {
                if (_scratch.Length < before.Length) _scratch = new float[before.Length];
                var delta = _scratch.AsSpan(0, before.Length);
                var after = parameter.Data;
                for (int j = 0; j < delta.Length; j++) delta[j] = after[j] - before[j];
                float updateStd = Statistics.Moments(delta).Std;
                if (updateStd > 0 || !float.IsFinite(updateStd)) update = (float)Math.Log10(updateStd / (double)dataStd);
            }
            float? gradToData = dataStd > 0 ? gradStd / dataStd : null;
            stats[i] = new ParameterStats(name, parameter.Shape.Dims.ToArray(), isWeight, dataStd, dataNorm,
                gradMean, gradStd, gradNorm, gradToData, update, _histograms[i]);
        }
        return (stats, (float)Math.Sqrt(squares));
    }
}
