using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

/// <summary><c>y = a · b</c> with broadcasting; <c>∂L/∂a = Σ ∂L/∂y · b</c>, <c>∂L/∂b = Σ ∂L/∂y · a</c> over broadcast axes.</summary>
internal sealed class MulOp(Tensor a, Tensor b, BroadcastPlan plan) : BinaryOp(a, b, plan)
{
    public override string Name => "Mul";

    public static Tensor Forward(Tensor a, Tensor b)
    {
        var y = Compute(BinaryOperation.Multiply, "Mul", a, b, out var plan);
        if (ShouldRecord(a, b)) y.SetOp(new MulOp(a, b, plan));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var scratch = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        var term = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        if (A.RequiresGrad)
        {
            TensorPrimitives.Multiply(outputGrad, Expanded(B, Operand.B, scratch), term);
            AccumulateTo(A, Operand.A, term);
        }
        if (B.RequiresGrad)
        {
            TensorPrimitives.Multiply(outputGrad, Expanded(A, Operand.A, scratch), term);
            AccumulateTo(B, Operand.B, term);
        }
        BufferPool.Shared.Return(scratch);
        BufferPool.Shared.Return(term);
    }
}
