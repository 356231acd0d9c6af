using Keel.Kernels.Elementwise;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>The transpose of a 2-D tensor (<c>torch.t</c>), copied: Keel tensors own their buffers.</summary>
    /// <exception cref="ArgumentException">The tensor is not 2-D.</exception>
    public Tensor Transpose() => TransposeOp.Forward(this);

    /// <summary>The transpose of a 2-D tensor; see <see cref="Transpose"/>.</summary>
    public Tensor T => TransposeOp.Forward(this);
}

/// <summary><c>y = xᵀ</c> for <c>[m, n]</c> x, copied; <c>∂L/∂x = (∂L/∂y)ᵀ</c>.</summary>
internal sealed class TransposeOp(Tensor x) : Op(x)
{
    public override string Name => "Transpose";

    public static Tensor Forward(Tensor x)
    {
        if (x.Rank != 2) throw new ArgumentException($"Transpose: needs a 2-D tensor, got shape {x.Shape}");
        int rows = x.Shape[0], cols = x.Shape[1];
        var y = Tensor.Pooled([cols, rows], clear: false);
        TransposeKernels.Transpose(x.Data, y.Data, rows, cols, accumulate: false);
        if (ShouldRecord(x)) y.SetOp(new TransposeOp(x));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
        => TransposeKernels.Transpose(outputGrad, Inputs[0].GradForAccumulation(), output.Shape[0], output.Shape[1], accumulate: true);
}
