using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;
using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

/// <summary><c>y = a − b</c> with broadcasting; <c>∂L/∂a = Σ ∂L/∂y</c>, <c>∂L/∂b = −Σ ∂L/∂y</c> over broadcast axes.</summary>
internal sealed class SubOp(Tensor a, Tensor b, BroadcastPlan plan) : BinaryOp(a, b, plan)
{
    public override string Name => "Sub";

    public static Tensor Forward(Tensor a, Tensor b)
    {
        var y = Compute(BinaryOperation.Subtract, "Sub", a, b, out var plan);
        if (ShouldRecord(a, b)) y.SetOp(new SubOp(a, b, plan));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        AccumulateTo(A, Operand.A, outputGrad);
        if (!B.RequiresGrad) return;
        var negated = BufferPool.Shared.Rent(outputGrad.Length, clear: false);
        TensorPrimitives.Negate(outputGrad, negated);
        AccumulateTo(B, Operand.B, negated);
        BufferPool.Shared.Return(negated);
    }
}
