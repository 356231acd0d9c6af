using Keel.Kernels.Broadcasting;
using Keel.Kernels.Elementwise;

namespace Keel.Tensors;

/// <summary><c>y = a + b</c> with broadcasting; <c>∂L/∂a = Σ ∂L/∂y</c> over a's broadcast axes, likewise b.</summary>
internal sealed class AddOp(Tensor a, Tensor b, BroadcastPlan plan) : BinaryOp(a, b, plan)
{
    public override string Name => "Add";

    public static Tensor Forward(Tensor a, Tensor b)
    {
        var y = Compute(BinaryOperation.Add, "Add", a, b, out var plan);
        if (ShouldRecord(a, b)) y.SetOp(new AddOp(a, b, plan));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        AccumulateTo(A, Operand.A, outputGrad);
        AccumulateTo(B, Operand.B, outputGrad);
    }
}
