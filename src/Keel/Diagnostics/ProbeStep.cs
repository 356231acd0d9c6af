using Keel.Nn;
using Keel.Tensors;

namespace Keel.Diagnostics;

/// <summary>The layer outputs of one probed step: statistics taken in forward, gradients added after backward.</summary>
internal sealed class ProbeStep(Tensor input)
{
    private readonly List<(LayerStats Stats, Tensor Output)> _outputs = [];

    public List<LayerStats> Layers { get; } = [];

    /// <summary>Measures a layer's output and retains it so that its gradient survives backward.</summary>
    public void Observe(string name, Module layer, Tensor output)
    {
        var kind = Activations.KindOf(layer);
        var values = output.Data;
        var (mean, std, _) = Statistics.Moments(values);
        var histogram = kind switch
        {
            ActivationKind.Tanh => Histogram.Of(values, -1f, 1f),
            ActivationKind.Sigmoid => Histogram.Of(values, 0f, 1f),
            _ => Histogram.Of(values),
        };
        int units = output.Rank == 0 ? 1 : output.Shape[output.Rank - 1];
        var stats = new LayerStats(name, layer.ToString(), kind, mean, std, Activations.Saturation(kind, values),
            Activations.DeadFraction(kind, values, units), histogram, null, null, null);
        if (!ReferenceEquals(output, input) && output.RequiresGrad) output.Retain();
        _outputs.Add((stats, output));
    }

    /// <summary>Adds each output's gradient to its statistics, then returns the retained outputs to the pool.</summary>
    public void ReadLayerGradients()
    {
        var released = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (stats, output) in _outputs)
        {
            var withGradient = stats;
            if (output.Grad is { } grad)
            {
                var (mean, std, _) = Statistics.Moments(grad.Data);
                withGradient = stats with { GradMean = mean, GradStd = std, GradHistogram = Histogram.Of(grad.Data) };
            }
            Layers.Add(withGradient);
            if (!ReferenceEquals(output, input) && output.RequiresGrad && released.Add(output)) output.Dispose();
        }
        _outputs.Clear();
    }
}
