using Keel.Tensors.Ops;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>Elementwise hyperbolic tangent.</summary>
    public Tensor Tanh() => TanhOp.Forward(this);

    /// <summary>Matrix product: <c>[m, k] @ [k, n]</c>, or <c>[…, k] @ [k, n]</c> over the leading axes.</summary>
    public Tensor MatMul(Tensor other) => MatMulOp.Forward(this, other);

    /// <summary>Sum over the given axes (all when none); summed axes are dropped unless <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int[]? axes = null, bool keepDim = false) => SumOp.Forward(this, axes ?? [], keepDim);

    /// <summary>Sum over one axis.</summary>
    public Tensor Sum(int axis, bool keepDim = false) => SumOp.Forward(this, [axis], keepDim);

    /// <summary>The same values in a new shape; one axis may be −1 (inferred). Copies.</summary>
    public Tensor Reshape(params int[] dims) => ReshapeOp.Forward(this, dims);
}
