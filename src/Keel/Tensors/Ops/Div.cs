using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

/// <summary>
/// <c>y = a / b</c> with broadcasting; <c>∂L/∂a = Σ ∂L/∂y / b</c>, <c>∂L/∂b = −Σ ∂L/∂y · y / b</c>
/// over broadcast axes.
/// </summary>
internal sealed class DivOp(Tensor a, Tensor b, BroadcastPlan plan) : BinaryOp(a, b, plan)
{
    public override string Name => "Div";

    public static Tensor Forward(Tensor a, Tensor b)
    {
        var y = Compute(BinaryOperation.Divide, "Div", a, b, out var plan);
        if (ShouldRecord(a, b)) y.SetOp(new DivOp(a, b, plan));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var scratch = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        var term = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        var b = Expanded(B, Operand.B, scratch);
        if (A.RequiresGrad)
        {
            TensorPrimitives.Divide(outputGrad, b, term);
            AccumulateTo(A, Operand.A, term);
        }
        if (B.RequiresGrad)
        {
            TensorPrimitives.Multiply(outputGrad, output.Data, term);
            TensorPrimitives.Divide(term, b, term);
            TensorPrimitives.Negate(term, term);
            AccumulateTo(B, Operand.B, term);
        }
        BufferPool.Shared.Return(scratch);
        BufferPool.Shared.Return(term);
    }
}
