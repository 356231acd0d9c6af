using Keel.Kernels.Gemm;
using Keel.Kernels.Reductions;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// <c>y = x · W + b</c> for x of shape <c>[…, in]</c>, W <c>[in, out]</c> and an optional bias
    /// <c>[out]</c>, in one op (PyTorch's <c>F.linear</c>, with Keras' <c>[in, out]</c> kernel layout).
    /// </summary>
    public Tensor Linear(Tensor weight, Tensor? bias = null) => LinearOp.Forward(this, weight, bias);
}

/// <summary>
/// The fused affine map <c>Y = X · W + b</c> (leading axes of X flattened into m rows):
/// <c>∂L/∂X = ∂L/∂Y · Wᵀ</c>, <c>∂L/∂W = Xᵀ · ∂L/∂Y</c>, <c>∂L/∂b = Σ_rows ∂L/∂Y</c>.
/// </summary>
/// <remarks>
/// The product is formed first and the bias added after, so the values equal <c>x.MatMul(W) + b</c>
/// bit for bit, without the intermediate tensor and its broadcast plan.
/// </remarks>
internal sealed class LinearOp(Tensor[] inputs, int m, int k, int n) : Op(inputs)
{
    public override string Name => "Linear";

    public static Tensor Forward(Tensor x, Tensor weight, Tensor? bias)
    {
        if (x.Rank < 1 || weight.Rank != 2 || x.Shape[-1] != weight.Shape[0])
            throw new ArgumentException($"Linear: input {x.Shape} does not fit weight {weight.Shape}; expected [..., in] and [in, out]");
        int k = weight.Shape[0], n = weight.Shape[1];
        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != n))
            throw new ArgumentException($"Linear: bias {bias.Shape} does not fit weight {weight.Shape}; expected [{n}]");
        int m = k == 0 ? x.Size : x.Size / k;
        Span<int> dims = stackalloc int[x.Rank];
        x.Shape.Dims.CopyTo(dims);
        dims[^1] = n;
        var y = Tensor.Pooled(new Shape(dims), clear: k == 0);
        if (k > 0) Gemm.Multiply(x.Data, weight.Data, y.Data, m, k, n);
        if (bias is not null) ColumnKernels.AddToEveryRow(y.Data, bias.Data);
        bool record = GradMode.IsEnabled && (x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false));
        if (record) y.SetOp(new LinearOp(bias is null ? [x, weight] : [x, weight, bias], m, k, n));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        MatMulOp.BackwardProducts(Inputs[0], Inputs[1], outputGrad, m, k, n);
        if (Inputs.Length < 3 || !Inputs[2].RequiresGrad) return;
        var db = Inputs[2].GradForAccumulation();
        ColumnKernels.AccumulateSums(outputGrad, db);
    }
}
