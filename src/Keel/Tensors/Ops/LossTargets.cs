namespace Keel.Tensors;

/// <summary>Shape checks and reductions shared by the classification losses over <c>[..., C]</c> inputs.</summary>
internal static class LossTargets
{
    /// <summary>
    /// The target classes as indices in a rented array (its first <c>targets.Size</c> entries),
    /// after checking that targets have the input's shape without its last axis.
    /// </summary>
    public static int[] RentClasses(string op, Tensor input, Tensor targets)
    {
        if (input.Rank == 0)
            throw new ArgumentException($"{op}: input must have a class axis ([N, C] or [..., C]); got a scalar");
        if (!targets.Shape.Dims.SequenceEqual(input.Shape.Dims[..^1]))
            throw new ArgumentException($"{op}: targets of shape {targets.Shape} do not match input of shape {input.Shape}; expected {new Shape(input.Shape.Dims[..^1])}");
        return IndexChecks.RentIndices(op, targets, input.Shape[-1], () => $"the class axis of input {input.Shape}");
    }

    /// <summary>Reduces per-row losses into a new tensor: their mean, sum, or a copy in the targets' shape.</summary>
    public static Tensor Reduce(ReadOnlySpan<float> losses, Shape targetShape, Reduction reduction)
    {
        if (reduction == Reduction.None) return Tensor.FromSpan(losses, targetShape);
        float sum = System.Numerics.Tensors.TensorPrimitives.Sum(losses);
        return Tensor.Full([], reduction == Reduction.Mean ? sum / losses.Length : sum);
    }

    /// <summary>∂L/∂loss for each row, from the gradient of the reduced output.</summary>
    public static void RowGradients(ReadOnlySpan<float> outputGrad, Reduction reduction, Span<float> rows)
    {
        if (reduction == Reduction.None) outputGrad.CopyTo(rows);
        else rows.Fill(reduction == Reduction.Mean ? outputGrad[0] / rows.Length : outputGrad[0]);
    }
}
