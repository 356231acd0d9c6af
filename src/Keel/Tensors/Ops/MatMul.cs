using Keel.Kernels.Gemm;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Matrix product: <c>[m, k] @ [k, n]</c>, or <c>[…, k] @ [k, n]</c> over the leading axes.</summary>
    public Tensor MatMul(Tensor other) => MatMulOp.Forward(this, other);
}

/// <summary>
/// <c>Y = A · B</c> for A of shape <c>[m, k]</c> or <c>[…, k]</c> (leading axes flattened into m)
/// and B of shape <c>[k, n]</c>. <c>∂L/∂A = ∂L/∂Y · Bᵀ</c>, <c>∂L/∂B = Aᵀ · ∂L/∂Y</c>.
/// </summary>
internal sealed class MatMulOp(Tensor a, Tensor b, int m, int k, int n) : Op(a, b)
{
    public override string Name => "MatMul";

    public static Tensor Forward(Tensor a, Tensor b)
    {
        if (a.Rank < 2 || b.Rank != 2 || a.Shape[-1] != b.Shape[0])
            throw new ArgumentException($"MatMul: shapes {a.Shape} and {b.Shape} do not multiply; expected [..., k] @ [k, n]");
        int k = b.Shape[0], n = b.Shape[1], m = k == 0 ? a.Size / Math.Max(1, a.Shape[-1]) : a.Size / k;
        Span<int> dims = stackalloc int[a.Rank];
        a.Shape.Dims.CopyTo(dims);
        dims[^1] = n;
        var y = Tensor.Pooled(new Shape(dims), clear: k == 0);
        if (k > 0) Gemm.Multiply(a.Data, b.Data, y.Data, m, k, n);
        if (ShouldRecord(a, b)) y.SetOp(new MatMulOp(a, b, m, k, n));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => BackwardProducts(Inputs[0], Inputs[1], outputGrad, m, k, n);

    /// <summary>
    /// <c>∂L/∂A (+)= ∂L/∂Y · Bᵀ</c> and <c>∂L/∂B (+)= Aᵀ · ∂L/∂Y</c> for the inputs that require grad,
    /// written straight into a fresh gradient (no clearing) or added to an existing one. Shared with
    /// <see cref="LinearOp"/>.
    /// </summary>
    internal static void BackwardProducts(Tensor a, Tensor b, ReadOnlySpan<float> outputGrad, int m, int k, int n)
    {
        if (a.RequiresGrad)
        {
            var grad = a.GradForOverwrite(out bool accumulate);
            Gemm.Multiply(outputGrad, b.Data, grad, m, n, k, transposeB: true, accumulate: accumulate);
        }
        if (b.RequiresGrad)
        {
            var grad = b.GradForOverwrite(out bool accumulate);
            Gemm.Multiply(a.Data, outputGrad, grad, k, m, n, transposeA: true, accumulate: accumulate);
        }
    }
}
