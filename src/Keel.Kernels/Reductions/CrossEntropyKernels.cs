using System.Numerics.Tensors;

namespace Keel.Kernels.Reductions;

/// <summary>Cross-entropy from logits with a fused, max-subtracted log-softmax, and its gradient.</summary>
public static class CrossEntropyKernels
{
    /// <summary>
    /// For each row i of <c>logits</c> (<c>[rows, classes]</c>) with target class tᵢ and label
    /// smoothing ε: <c>lse = m + log Σ_c exp(x_c − m)</c> (m the row's max),
    /// <c>loss[i] = lse − (1 − ε)·x[tᵢ] − (ε / C)·Σ_c x_c</c>, which is
    /// <c>(1 − ε)·(−log p[tᵢ]) + (ε / C)·Σ_c (−log p_c)</c> as PyTorch defines it; and
    /// <c>probabilities[i, c] = exp(x_c − lse)</c> for the backward pass.
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> logits, ReadOnlySpan<int> targets, int classes, float labelSmoothing,
        Span<float> losses, Span<float> probabilities)
    {
        Check("CrossEntropyForward", logits.Length, targets, classes, losses.Length, probabilities.Length);
        for (int i = 0; i < targets.Length; i++)
        {
            var x = logits.Slice(i * classes, classes);
            var p = probabilities.Slice(i * classes, classes);
            float max = TensorPrimitives.Max(x);
            TensorPrimitives.Subtract(x, max, p);
            TensorPrimitives.Exp(p, p);
            float sum = TensorPrimitives.Sum(p);
            float lse = max + MathF.Log(sum);
            TensorPrimitives.Divide(p, sum, p);
            float loss = lse - (1f - labelSmoothing) * x[targets[i]];
            if (labelSmoothing != 0f) loss -= labelSmoothing / classes * TensorPrimitives.Sum(x);
            losses[i] = loss;
        }
    }

    /// <summary>
    /// Accumulates <c>dx[i, c] += g[i] · (p[i, c] − (1 − ε)·[c = tᵢ] − ε / C)</c>, where g is the
    /// gradient of each row's loss (<c>∂L/∂loss / N</c> for a mean).
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> probabilities, ReadOnlySpan<int> targets, int classes, float labelSmoothing,
        ReadOnlySpan<float> rowGradients, Span<float> dx)
    {
        Check("CrossEntropyBackward", probabilities.Length, targets, classes, rowGradients.Length, dx.Length);
        float uniform = labelSmoothing / classes;
        for (int i = 0; i < targets.Length; i++)
        {
            var p = probabilities.Slice(i * classes, classes);
            var d = dx.Slice(i * classes, classes);
            float g = rowGradients[i];
            TensorPrimitives.MultiplyAdd(p, g, d, d);
            if (uniform != 0f) TensorPrimitives.Subtract(d, g * uniform, d);
            d[targets[i]] -= g * (1f - labelSmoothing);
        }
    }

    private static void Check(string kernel, int length, ReadOnlySpan<int> targets, int classes, int rowLength, int otherLength)
    {
        if (classes <= 0 && targets.Length > 0)
            throw new ArgumentException($"{kernel}: rows need at least one class, got {classes}");
        if ((long)targets.Length * classes != length || otherLength != length || rowLength != targets.Length)
            throw new ArgumentException($"{kernel}: {targets.Length} rows of {classes} classes do not match lengths {length}, {rowLength} and {otherLength}");
        foreach (var t in targets)
        {
            if ((uint)t >= (uint)classes) throw new ArgumentOutOfRangeException(nameof(targets), $"{kernel}: target {t} is not a class in [0, {classes})");
        }
    }
}
