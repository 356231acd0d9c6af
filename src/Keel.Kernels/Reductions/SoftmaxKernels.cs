using System.Numerics.Tensors;

namespace Keel.Kernels.Reductions;

/// <summary>
/// Softmax and log-softmax along the middle axis of a row-major <c>[outer, n, inner]</c> block,
/// max-subtracted so that large logits do not overflow.
/// </summary>
public static class SoftmaxKernels
{
    /// <summary>
    /// <c>y[o, j, i] = exp(x[o, j, i] − m) / Σⱼ exp(x[o, j, i] − m)</c> with <c>m = maxⱼ x[o, j, i]</c>;
    /// when <paramref name="log"/>, <c>y = x − m − log Σⱼ exp(x − m)</c> instead.
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int n, int inner, bool log)
    {
        CheckLayout("SoftmaxForward", x.Length, y.Length, outer, n, inner);
        if (n == 0) return;
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++) Row(x.Slice(o * n, n), y.Slice(o * n, n), log);
            return;
        }
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                float max = float.NegativeInfinity;
                for (int j = 0; j < n; j++) max = MaxPropagatingNaN(max, x[start + j * inner]);
                double sum = 0; // a scalar loop: accumulate in double, as accurate as the vectorized row sum
                for (int j = 0; j < n; j++) sum += MathF.Exp(x[start + j * inner] - max);
                float logSum = (float)Math.Log(sum);
                for (int j = 0; j < n; j++)
                {
                    float shifted = x[start + j * inner] - max;
                    y[start + j * inner] = log ? shifted - logSum : (float)(MathF.Exp(shifted) / sum);
                }
            }
        }
    }

    /// <summary>
    /// Backward from the output, accumulating. Softmax: <c>dx += y · (dy − Σⱼ dy·y)</c>;
    /// log-softmax: <c>dx += dy − exp(y) · Σⱼ dy</c>.
    /// </summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int outer, int n, int inner, bool log)
    {
        CheckLayout("SoftmaxBackward", y.Length, dy.Length, outer, n, inner);
        if (dx.Length != y.Length) throw new ArgumentException($"SoftmaxBackward: dx has length {dx.Length}, expected {y.Length}");
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int start = o * n * inner + i;
                float dot = 0f;
                for (int j = 0; j < n; j++) dot += log ? dy[start + j * inner] : dy[start + j * inner] * y[start + j * inner];
                for (int j = 0; j < n; j++)
                {
                    int at = start + j * inner;
                    dx[at] += log ? dy[at] - MathF.Exp(y[at]) * dot : y[at] * (dy[at] - dot);
                }
            }
        }
    }

    private static void Row(ReadOnlySpan<float> x, Span<float> y, bool log)
    {
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        float sum = TensorPrimitives.Sum(y);
        if (log)
        {
            TensorPrimitives.Subtract(x, max, y);
            TensorPrimitives.Subtract(y, MathF.Log(sum), y);
        }
        else
        {
            TensorPrimitives.Divide(y, sum, y);
        }
    }

    /// <summary>The larger of two values, NaN if either is (as PyTorch's max).</summary>
    internal static float MaxPropagatingNaN(float a, float b) => float.IsNaN(b) || b > a ? b : a;

    private static void CheckLayout(string kernel, int xLength, int yLength, int outer, int n, int inner)
    {
        if (outer < 0 || n < 0 || inner < 0 || (long)outer * n * inner != xLength || yLength != xLength)
            throw new ArgumentException($"{kernel}: layout [{outer}, {n}, {inner}] does not match lengths {xLength} and {yLength}");
    }
}
