using Keel.Kernels.Broadcasting;

namespace Keel.Kernels.Reductions;

/// <summary>Maximum and minimum over the reduced axes of a <see cref="BroadcastPlan"/>, with the position of the winner.</summary>
public static class ExtremumKernels
{
    /// <summary>
    /// For each output element j (operand A of <paramref name="plan"/>, whose output shape is
    /// x's): <c>y[j] = max</c> (or min) of the x elements that reduce into it, and
    /// <c>position[j]</c> = the flat offset in x of the first of them (row-major) that attains it.
    /// NaN wins, as in PyTorch's max and min. Every output element must receive at least one value.
    /// </summary>
    public static void Forward(BroadcastPlan plan, ReadOnlySpan<float> x, Span<float> y, Span<int> position, bool minimum)
    {
        int inner = plan.Inner;
        if (x.Length != plan.Rows * inner || position.Length != y.Length)
            throw new ArgumentException($"ExtremumForward: lengths x {x.Length}, y {y.Length}, position {position.Length} do not fit {plan.Rows} rows of {inner}");
        position.Fill(-1);
        for (int r = 0; r < plan.Rows; r++)
        {
            int offset = plan.AOffsets[r], stride = plan.AStride;
            for (int i = 0; i < inner; i++)
            {
                int j = offset + i * stride, at = r * inner + i;
                float v = x[at], current = y[j];
                if (position[j] < 0 || (!float.IsNaN(current) && (float.IsNaN(v) || (minimum ? v < current : v > current))))
                {
                    y[j] = v;
                    position[j] = at;
                }
            }
        }
        if (position.IndexOf(-1) is var missing and >= 0)
            throw new ArgumentException($"ExtremumForward: output element {missing} received no value (an empty reduced axis)");
    }

    /// <summary>Routes each output gradient to the element that won, accumulating: <c>dx[position[j]] += dy[j]</c>.</summary>
    public static void Backward(ReadOnlySpan<int> position, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (position.Length != dy.Length) throw new ArgumentException($"ExtremumBackward: lengths {position.Length} and {dy.Length} differ");
        for (int j = 0; j < position.Length; j++) dx[position[j]] += dy[j];
    }
}
