using System.Buffers;
using System.Numerics.Tensors;
using Keel.Kernels.Reductions;
using Keel.Kernels.Threading;

namespace Keel.Kernels.Normalization;

/// <summary>
/// Batch normalization over a row-major <c>[rows, channels]</c> block: statistics per channel
/// (column), taken over the rows.
/// </summary>
/// <remarks>
/// Rows are visited in order and each channel's sums run across rows in that order, so results
/// do not depend on the thread count.
/// </remarks>
public static class BatchNormKernels
{
    /// <summary>
    /// Per-channel mean and biased variance: <c>mean[c] = Σᵣ x[r, c] / rows</c>,
    /// <c>variance[c] = Σᵣ (x[r, c] − mean[c])² / rows</c> (two passes, for accuracy).
    /// </summary>
    public static void Moments(ReadOnlySpan<float> x, int channels, Span<float> mean, Span<float> variance)
    {
        int rows = Rows(x, channels, "Moments");
        if (rows == 0) throw new ArgumentException("BatchNorm Moments: no rows to average over");
        CheckLength(mean, channels, "mean");
        CheckLength(variance, channels, "variance");
        mean.Clear();
        variance.Clear();
        ColumnKernels.AccumulateSums(x, mean);
        TensorPrimitives.Multiply(mean, 1f / rows, mean);
        RowKernels.AccumulateSquaredDeviation(x, mean, variance);
        TensorPrimitives.Multiply(variance, 1f / rows, variance);
    }

    /// <summary><c>invStd[c] = 1 / √(variance[c] + eps)</c>.</summary>
    public static void InverseStd(ReadOnlySpan<float> variance, float eps, Span<float> invStd)
    {
        CheckLength(invStd, variance.Length, "invStd");
        TensorPrimitives.Add(variance, eps, invStd);
        TensorPrimitives.ReciprocalSqrt(invStd, invStd);
    }

    /// <summary>
    /// <c>y[r, c] = (x[r, c] − mean[c]) · invStd[c] · γ[c] + β[c]</c>; an empty
    /// <paramref name="gamma"/> means γ = 1 and an empty <paramref name="beta"/> means β = 0.
    /// </summary>
    public static void Normalize(
        ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y)
    {
        int channels = mean.Length;
        int rows = Rows(x, channels, "Normalize");
        CheckLength(y, x.Length, "y");
        CheckLength(invStd, channels, "invStd");
        float[] scratch = ArrayPool<float>.Shared.Rent(2 * channels);
        var scale = scratch.AsSpan(0, channels);
        var shift = scratch.AsSpan(channels, channels);
        if (gamma.IsEmpty) invStd.CopyTo(scale);
        else TensorPrimitives.Multiply(invStd, gamma, scale);
        if (beta.IsEmpty) shift.Clear();
        else beta.CopyTo(shift);
        int chunks = ParallelChunks.ChunksFor(x.Length);
        if (chunks > 1) NormalizeInChunks(x, mean, scale, shift, y, rows, chunks);
        else NormalizeRows(x, mean, scale, shift, y, 0, rows);
        ArrayPool<float>.Shared.Return(scratch);
    }

    private static void NormalizeRows(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> scale,
        ReadOnlySpan<float> shift, Span<float> y, int firstRow, int endRow)
    {
        int channels = mean.Length;
        for (int r = firstRow; r < endRow; r++) RowKernels.Normalize(x.Slice(r * channels, channels), mean, scale, shift, y.Slice(r * channels, channels));
    }

    // Rows are independent: long inputs are split between threads by rows (closure only allocated then).
    private static unsafe void NormalizeInChunks(ReadOnlySpan<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> scale,
        ReadOnlySpan<float> shift, Span<float> y, int rows, int chunks)
    {
        fixed (float* px = x, pm = mean, ps = scale, pb = shift, py = y)
        {
            nint xAt = (nint)px, mAt = (nint)pm, sAt = (nint)ps, bAt = (nint)pb, yAt = (nint)py;
            int length = x.Length, channels = mean.Length;
            ParallelChunks.Run(rows, chunks, (first, end) => NormalizeRows(
                new ReadOnlySpan<float>((float*)xAt, length), new ReadOnlySpan<float>((float*)mAt, channels),
                new ReadOnlySpan<float>((float*)sAt, channels), new ReadOnlySpan<float>((float*)bAt, channels),
                new Span<float>((float*)yAt, length), first, end));
        }
    }

    /// <summary>
    /// Backward, accumulating into the gradients that are not empty. With x̂ = (x − mean)·invStd
    /// and n = rows: <c>dγ[c] += Σᵣ dy·x̂</c>, <c>dβ[c] += Σᵣ dy</c>, and when the statistics came
    /// from this batch <c>dx += γ·invStd · (dy − mean(dy) − x̂ · mean(dy · x̂))</c>; when they were
    /// fixed (running statistics) <c>dx += γ·invStd · dy</c>. With <paramref name="accumulateDx"/>
    /// false, dx is overwritten (<c>dx = …</c>) instead, for a gradient written for the first time.
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> dy, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> gamma, bool batchStatistics, Span<float> dx, Span<float> dGamma, Span<float> dBeta,
        bool accumulateDx = true)
    {
        int channels = mean.Length;
        int rows = Rows(x, channels, "Backward");
        CheckLength(dy, x.Length, "dy");
        float[] scratch = ArrayPool<float>.Shared.Rent(3 * channels);
        var sumDy = scratch.AsSpan(0, channels);
        var sumDyXhat = scratch.AsSpan(channels, channels);
        var scale = scratch.AsSpan(2 * channels, channels);
        sumDy.Clear();
        sumDyXhat.Clear();
        RowKernels.AccumulateSums(x, dy, mean, invStd, sumDy, sumDyXhat);
        if (!dGamma.IsEmpty) TensorPrimitives.Add(dGamma, sumDyXhat, dGamma);
        if (!dBeta.IsEmpty) TensorPrimitives.Add(dBeta, sumDy, dBeta);
        if (!dx.IsEmpty)
        {
            CheckLength(dx, x.Length, "dx");
            if (gamma.IsEmpty) invStd.CopyTo(scale);
            else TensorPrimitives.Multiply(invStd, gamma, scale);
            TensorPrimitives.Multiply(sumDy, 1f / rows, sumDy);
            TensorPrimitives.Multiply(sumDyXhat, 1f / rows, sumDyXhat);
            var step = new InputGradientStep(batchStatistics, accumulateDx);
            int chunks = ParallelChunks.ChunksFor(x.Length);
            if (chunks > 1) InputGradientInChunks(step, x, dy, mean, invStd, sumDy, sumDyXhat, scale, dx, rows, chunks);
            else InputGradientRows(step, x, dy, mean, invStd, sumDy, sumDyXhat, scale, dx, 0, rows);
        }
        ArrayPool<float>.Shared.Return(scratch);
    }

    /// <summary>Which form of the input gradient <see cref="Backward"/> writes.</summary>
    private readonly record struct InputGradientStep(bool BatchStatistics, bool Accumulate);

    private static void InputGradientRows(InputGradientStep step, ReadOnlySpan<float> x, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, ReadOnlySpan<float> meanDy, ReadOnlySpan<float> meanDyXhat,
        ReadOnlySpan<float> scale, Span<float> dx, int firstRow, int endRow)
    {
        int channels = mean.Length;
        for (int r = firstRow; r < endRow; r++)
        {
            var dxRow = dx.Slice(r * channels, channels);
            var dyRow = dy.Slice(r * channels, channels);
            if (step.BatchStatistics)
            {
                RowKernels.InputGradient(x.Slice(r * channels, channels), dyRow, mean, invStd, meanDy, meanDyXhat, scale, dxRow, step.Accumulate);
            }
            else if (step.Accumulate)
            {
                TensorPrimitives.MultiplyAdd(dyRow, scale, dxRow, dxRow);
            }
            else
            {
                TensorPrimitives.Multiply(dyRow, scale, dxRow);
            }
        }
    }

    // Rows are independent: long inputs are split between threads by rows (closure only allocated then).
    private static unsafe void InputGradientInChunks(InputGradientStep step, ReadOnlySpan<float> x, ReadOnlySpan<float> dy,
        ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, ReadOnlySpan<float> meanDy, ReadOnlySpan<float> meanDyXhat,
        ReadOnlySpan<float> scale, Span<float> dx, int rows, int chunks)
    {
        fixed (float* px = x, pdy = dy, pm = mean, pi = invStd, pmd = meanDy, pmdx = meanDyXhat, ps = scale, pdx = dx)
        {
            nint xAt = (nint)px, dyAt = (nint)pdy, mAt = (nint)pm, iAt = (nint)pi, mdAt = (nint)pmd, mdxAt = (nint)pmdx, sAt = (nint)ps, dxAt = (nint)pdx;
            int length = x.Length, channels = mean.Length;
            ParallelChunks.Run(rows, chunks, (first, end) => InputGradientRows(step,
                new ReadOnlySpan<float>((float*)xAt, length), new ReadOnlySpan<float>((float*)dyAt, length),
                new ReadOnlySpan<float>((float*)mAt, channels), new ReadOnlySpan<float>((float*)iAt, channels),
                new ReadOnlySpan<float>((float*)mdAt, channels), new ReadOnlySpan<float>((float*)mdxAt, channels),
                new ReadOnlySpan<float>((float*)sAt, channels), new Span<float>((float*)dxAt, length), first, end));
        }
    }

    /// <summary>
    /// Exponential moving average of a statistic:
    /// <c>running = (1 − momentum) · running + momentum · correction · batch</c>
    /// (correction n/(n − 1) turns a biased variance into the unbiased one).
    /// </summary>
    public static void UpdateRunning(Span<float> running, ReadOnlySpan<float> batch, float momentum, float correction = 1f)
    {
        CheckLength(batch, running.Length, "batch");
        TensorPrimitives.Multiply(running, 1f - momentum, running);
        TensorPrimitives.MultiplyAdd(batch, momentum * correction, running, running);
    }

    private static int Rows(ReadOnlySpan<float> x, int channels, string kernel)
    {
        if (channels <= 0 || x.Length % channels != 0)
            throw new ArgumentException($"BatchNorm {kernel}: {x.Length} values do not form rows of {channels} channels");
        return x.Length / channels;
    }

    private static void CheckLength(ReadOnlySpan<float> span, int expected, string name)
    {
        if (span.Length != expected)
            throw new ArgumentException($"BatchNorm: {name} has {span.Length} values, expected {expected}");
    }
}
