using System.Buffers;
using System.Numerics.Tensors;

namespace Keel.Kernels.Normalization;

/// <summary>
/// Layer normalization over a row-major <c>[rows, features]</c> block: statistics per row, taken
/// over its features.
/// </summary>
public static class LayerNormKernels
{
    /// <summary>
    /// <c>y[r, j] = (x[r, j] − μᵣ) · invStdᵣ · γ[j] + β[j]</c> with μᵣ the row mean and
    /// <c>invStdᵣ = 1 / √(σᵣ² + eps)</c>, σᵣ² the biased row variance. Writes μ and invStd (one per
    /// row) for the backward pass. An empty γ means 1 and an empty β means 0.
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> x, int features, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, float eps,
        Span<float> y, Span<float> mean, Span<float> invStd)
    {
        int rows = Rows(x, features);
        if (y.Length != x.Length || mean.Length != rows || invStd.Length != rows)
            throw new ArgumentException($"LayerNorm Forward: y ({y.Length}), mean ({mean.Length}) and invStd ({invStd.Length}) do not fit {rows} rows of {features}");
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * features, features);
            var output = y.Slice(r * features, features);
            float mu = TensorPrimitives.Sum(row) / features;
            TensorPrimitives.Subtract(row, mu, output);
            float variance = TensorPrimitives.SumOfSquares(output) / features;
            float inv = 1f / MathF.Sqrt(variance + eps);
            mean[r] = mu;
            invStd[r] = inv;
            TensorPrimitives.Multiply(output, inv, output);
            if (!gamma.IsEmpty) TensorPrimitives.Multiply(output, gamma, output);
            if (!beta.IsEmpty) TensorPrimitives.Add(output, beta, output);
        }
    }

    /// <summary>
    /// Backward, accumulating into the gradients that are not empty. With x̂ = (x − μ)·invStd,
    /// g = dy·γ and means taken over a row's D features:
    /// <c>dx += invStd · (g − mean(g) − x̂ · mean(g · x̂))</c>, <c>dγ += Σᵣ dy · x̂</c>, <c>dβ += Σᵣ dy</c>.
    /// </summary>
    public static void Backward(
        ReadOnlySpan<float> x, ReadOnlySpan<float> dy, int features, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd,
        ReadOnlySpan<float> gamma, Span<float> dx, Span<float> dGamma, Span<float> dBeta)
    {
        int rows = Rows(x, features);
        if (dy.Length != x.Length || mean.Length != rows || invStd.Length != rows)
            throw new ArgumentException($"LayerNorm Backward: dy ({dy.Length}), mean ({mean.Length}) and invStd ({invStd.Length}) do not fit {rows} rows of {features}");
        float[] scratch = ArrayPool<float>.Shared.Rent(2 * features);
        var xhat = scratch.AsSpan(0, features);
        var g = scratch.AsSpan(features, features);
        for (int r = 0; r < rows; r++)
        {
            var dyRow = dy.Slice(r * features, features);
            TensorPrimitives.Subtract(x.Slice(r * features, features), mean[r], xhat);
            TensorPrimitives.Multiply(xhat, invStd[r], xhat);
            if (!dGamma.IsEmpty) TensorPrimitives.MultiplyAdd(dyRow, xhat, dGamma, dGamma);
            if (!dBeta.IsEmpty) TensorPrimitives.Add(dBeta, dyRow, dBeta);
            if (dx.IsEmpty) continue;
            if (gamma.IsEmpty) dyRow.CopyTo(g);
            else TensorPrimitives.Multiply(dyRow, gamma, g);
            float meanG = TensorPrimitives.Sum(g) / features;
            float meanGXhat = TensorPrimitives.Dot(g, xhat) / features;
            // g ← g − mean(g) − x̂·mean(g·x̂), then dx += invStd·g.
            TensorPrimitives.MultiplyAdd(xhat, -meanGXhat, g, g);
            TensorPrimitives.Subtract(g, meanG, g);
            var dxRow = dx.Slice(r * features, features);
            TensorPrimitives.MultiplyAdd(g, invStd[r], dxRow, dxRow);
        }
        ArrayPool<float>.Shared.Return(scratch);
    }

    private static int Rows(ReadOnlySpan<float> x, int features)
    {
        if (features <= 0 || x.Length % features != 0)
            throw new ArgumentException($"LayerNorm: {x.Length} values do not form rows of {features} features");
        return x.Length / features;
    }
}
