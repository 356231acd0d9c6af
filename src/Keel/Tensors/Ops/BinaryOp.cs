using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Elementwise;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

/// <summary>
/// The shared part of the broadcasting arithmetic ops: the forward computation and the reduction
/// of a full-shape gradient back to each operand's shape (summing over broadcast axes).
/// </summary>
internal abstract class BinaryOp(Tensor a, Tensor b, BroadcastPlan plan) : Op(a, b)
{
    protected Tensor A => Inputs[0];

    protected Tensor B => Inputs[1];

    protected BroadcastPlan Plan { get; } = plan;

    /// <summary>Computes <c>a ∘ b</c> with broadcasting into a new pooled tensor.</summary>
    protected static Tensor Compute(BinaryOperation operation, string name, Tensor a, Tensor b, out BroadcastPlan plan)
    {
        var shape = BroadcastPlan.BroadcastShape(a.Shape.Dims, b.Shape.Dims)
            ?? throw new ArgumentException($"{name}: shapes {a.Shape} and {b.Shape} do not broadcast");
        plan = BroadcastPlan.Create(a.Shape.Dims, b.Shape.Dims);
        var output = Tensor.Pooled(new Shape(shape), clear: false);
        if (a.Size == output.Size && b.Size == output.Size) BinaryKernels.Vector(operation, a.Data, b.Data, output.Data);
        else BinaryKernels.Apply(operation, plan, a.Data, b.Data, output.Data);
        return output;
    }

    /// <summary>Adds a full-shape gradient term to an operand's gradient, summing over its broadcast axes.</summary>
    protected void AccumulateTo(Tensor input, Operand which, ReadOnlySpan<float> fullGrad)
    {
        if (!input.RequiresGrad) return;
        var target = input.GradForAccumulation();
        if (input.Size == fullGrad.Length) TensorPrimitives.Add(target, fullGrad, target);
        else BroadcastKernels.ReduceAdd(Plan, which, fullGrad, target);
    }

    /// <summary>An operand's values at the output's shape: its own buffer when no broadcast is needed, else expanded into <paramref name="scratch"/>.</summary>
    protected ReadOnlySpan<float> Expanded(Tensor input, Operand which, Span<float> scratch)
    {
        if (input.Size == scratch.Length) return input.Data;
        BroadcastKernels.Expand(Plan, which, input.Data, scratch);
        return scratch;
    }
}
