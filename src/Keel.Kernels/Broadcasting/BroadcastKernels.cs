using System.Numerics.Tensors;

namespace Keel.Kernels.Broadcasting;

/// <summary>Which operand of a <see cref="BroadcastPlan"/>.</summary>
public enum Operand
{
    /// <summary>The first operand.</summary>
    A,

    /// <summary>The second operand.</summary>
    B,
}

/// <summary>Moving values between an operand's shape and the broadcast output's shape.</summary>
public static class BroadcastKernels
{
    /// <summary>
    /// Sum-reduces <paramref name="full"/> (the output's shape) into the operand's shape and adds it:
    /// <c>x[j] += Σ full[i]</c> over every output element i that reads x[j].
    /// </summary>
    /// <remarks>The gradient of a broadcast, and a sum over axes. Rows are visited in order, so the sum is deterministic.</remarks>
    public static void ReduceAdd(BroadcastPlan plan, Operand operand, ReadOnlySpan<float> full, Span<float> x)
    {
        var (offsets, stride) = Select(plan, operand);
        int inner = plan.Inner;
        for (int r = 0; r < offsets.Length; r++)
        {
            var row = full.Slice(r * inner, inner);
            if (stride == 0) x[offsets[r]] += TensorPrimitives.Sum(row);
            else TensorPrimitives.Add(x.Slice(offsets[r], inner), row, x.Slice(offsets[r], inner));
        }
    }

    /// <summary>Adds the operand stretched to the output's shape: <c>full[i] += x[index of i in the operand]</c>.</summary>
    public static void ExpandAdd(BroadcastPlan plan, Operand operand, ReadOnlySpan<float> x, Span<float> full)
    {
        var (offsets, stride) = Select(plan, operand);
        int inner = plan.Inner;
        for (int r = 0; r < offsets.Length; r++)
        {
            var row = full.Slice(r * inner, inner);
            if (stride == 0) TensorPrimitives.Add(row, x[offsets[r]], row);
            else TensorPrimitives.Add(row, x.Slice(offsets[r], inner), row);
        }
    }

    /// <summary>Copies the operand stretched to the output's shape: <c>full[i] = x[index of i in the operand]</c>.</summary>
    public static void Expand(BroadcastPlan plan, Operand operand, ReadOnlySpan<float> x, Span<float> full)
    {
        var (offsets, stride) = Select(plan, operand);
        int inner = plan.Inner;
        for (int r = 0; r < offsets.Length; r++)
        {
            var row = full.Slice(r * inner, inner);
            if (stride == 0) row.Fill(x[offsets[r]]);
            else x.Slice(offsets[r], inner).CopyTo(row);
        }
    }

    private static (int[] Offsets, int Stride) Select(BroadcastPlan plan, Operand operand)
        => operand == Operand.A ? (plan.AOffsets, plan.AStride) : (plan.BOffsets, plan.BStride);
}
