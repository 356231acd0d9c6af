using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Recomputes the running statistics of every <see cref="BatchNorm1d"/> in a model from scratch,
/// as the plain average of the batch statistics over the given inputs.
/// </summary>
/// <remarks>
/// Running statistics drift from the final weights while training (they average batches seen
/// under older weights), and a momentum tuned for long runs lags after fine-tuning. This passes
/// the batches through the model with the batch-norm layers in training mode and every other
/// layer in evaluation mode (dropout off), without recording the graph; each batch-norm layer
/// restarts at mean 0 and variance 1 and averages with momentum 1/k for the k-th batch (PyTorch's
/// <c>momentum=None</c>; the variance fed in is still the unbiased one). Weights are not touched,
/// and every module's mode is restored afterwards.
/// </remarks>
public static class BatchNormRecalibration
{
    /// <summary>Recalibrates <paramref name="model"/>'s batch-norm layers on <paramref name="batches"/> (model inputs).</summary>
    /// <returns>The number of batches used.</returns>
    /// <exception cref="ArgumentException">No batches were given, or the model has no batch-norm layer with running statistics.</exception>
    public static int Recalibrate(Module model, IEnumerable<Tensor> batches)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batches);
        var layers = model.NamedModules().Select(m => m.Module).OfType<BatchNorm1d>().Where(b => b.RunningMean is not null).ToList();
        if (layers.Count == 0) throw new ArgumentException($"{model} has no BatchNorm1d layer with running statistics to recalibrate");
        var modes = model.NamedModules().Select(m => (m.Module, m.Module.IsTraining)).ToList();
        int count = 0;
        try
        {
            model.Eval();
            foreach (var layer in layers)
            {
                layer.ResetRunningStats();
                layer.Train();
                layer.BeginCumulativeAverage();
            }
            using (GradMode.NoGrad())
            {
                foreach (var batch in batches)
                {
                    model.Forward(batch).Dispose();
                    count++;
                }
            }
        }
        finally
        {
            foreach (var layer in layers) layer.EndCumulativeAverage();
            foreach (var (module, training) in modes) module.Train(training);
        }
        if (count == 0) throw new ArgumentException("Recalibrate: no batches were given; the running statistics were reset to mean 0 and variance 1");
        return count;
    }
}
