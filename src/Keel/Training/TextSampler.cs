using Keel.Data;
using Keel.Nn;
using Keel.Tensors;

namespace Keel.Training;

/// <summary>
/// Samples words from a character model, as makemore does: start from a context of boundary
/// tokens, draw the next character from <c>softmax(model(context))</c>, shift it into the context,
/// and stop at the boundary token.
/// </summary>
public static class TextSampler
{
    /// <summary>Samples <paramref name="count"/> words (at most <paramref name="maxLength"/> characters each) in eval mode under no-grad.</summary>
    public static IReadOnlyList<string> Sample(Module model, Vocabulary vocabulary, int contextLength, int count, Generator generator, int maxLength = 50)
    {
        bool wasTraining = model.IsTraining;
        model.Eval();
        try
        {
            using var noGrad = GradMode.NoGrad();
            var words = new List<string>(count);
            var context = new float[contextLength];
            var word = new List<int>();
            for (int n = 0; n < count; n++)
            {
                Array.Clear(context);
                word.Clear();
                while (word.Count < maxLength)
                {
                    using var input = Tensor.FromArray(context, [1, contextLength]);
                    using var logits = model.Forward(input);
                    int next = Draw(logits.Data, generator);
                    if (next == 0) break;
                    word.Add(next);
                    Array.Copy(context, 1, context, 0, contextLength - 1);
                    context[^1] = next;
                }
                words.Add(vocabulary.Decode(word));
            }
            return words;
        }
        finally
        {
            model.Train(wasTraining);
        }
    }

    /// <summary>Draws an index from <c>softmax(logits)</c> (computed in double, max-subtracted).</summary>
    private static int Draw(ReadOnlySpan<float> logits, Generator generator)
    {
        float max = float.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        double total = 0;
        foreach (var v in logits) total += Math.Exp(v - max);
        double u = generator.NextDouble() * total, cumulative = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            cumulative += Math.Exp(logits[i] - max);
            if (u < cumulative) return i;
        }
        return logits.Length - 1;
    }
}
