using Keel.Data;
using Keel.Nn;
using Keel.Tensors;

namespace Keel.Training;

/// <summary>Mean loss (and accuracy, for class targets) of a model on a dataset.</summary>
/// <param name="Loss">Mean of the per-batch losses weighted by batch size.</param>
/// <param name="Accuracy">Fraction of examples whose largest output is the target class; null unless outputs are <c>[N, C]</c> scores with <c>[N]</c> class targets.</param>
public sealed record EvaluationResult(float Loss, float? Accuracy);

/// <summary>Evaluates a model in eval mode under no-grad, always, restoring its mode afterwards.</summary>
public static class Evaluation
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="data"/> in batches of <paramref name="batchSize"/>, in order.</summary>
    public static EvaluationResult Run(Module model, Func<Tensor, Tensor, Tensor> loss, Dataset data, int batchSize = 4096)
    {
        if (data.Count == 0) throw new ArgumentException("cannot evaluate on an empty dataset", nameof(data));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        bool wasTraining = model.IsTraining;
        model.Eval();
        try
        {
            using var noGrad = GradMode.NoGrad();
            IBatchSource batches = data.Count <= batchSize
                ? new FullBatches(data)
                : new EpochBatches(data, batchSize, new Generator(0), shuffle: false);
            double lossSum = 0;
            long correct = 0;
            bool classification = true;
            for (int seen = 0; seen < data.Count;)
            {
                var batch = batches.Next();
                var output = model.Forward(batch.Features);
                using var value = loss(output, batch.Targets);
                lossSum += (double)value.Item() * batch.Count;
                classification &= output.Rank == 2 && output.Shape[1] > 1 && batch.Targets.Rank == 1;
                if (classification) correct += CountCorrect(output, batch.Targets);
                output.Dispose();
                seen += batch.Count;
            }
            return new EvaluationResult((float)(lossSum / data.Count), classification ? (float)correct / data.Count : null);
        }
        finally
        {
            model.Train(wasTraining);
        }
    }

    private static long CountCorrect(Tensor scores, Tensor targets)
    {
        int classes = scores.Shape[1];
        var values = scores.Data;
        var labels = targets.Data;
        long correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = values.Slice(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > row[best]) best = c;
            }
            if (best == (int)labels[i]) correct++;
        }
        return correct;
    }
}
