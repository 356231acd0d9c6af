using System.Numerics.Tensors;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>The same values in a new shape; one axis may be −1 (inferred). Copies.</summary>
    public Tensor Reshape(params int[] dims) => ReshapeOp.Forward(this, dims);
}

/// <summary>
/// The same values in a new shape (one axis may be −1, inferred), copied: Keel tensors own their
/// buffers. <c>∂L/∂x = ∂L/∂y</c> read in x's shape.
/// </summary>
internal sealed class ReshapeOp(Tensor x) : Op(x)
{
    public override string Name => "Reshape";

    public static Tensor Forward(Tensor x, ReadOnlySpan<int> dims)
    {
        var shape = Resolve(x.Shape, dims);
        var y = Tensor.FromSpan(x.Data, shape);
        if (ShouldRecord(x)) y.SetOp(new ReshapeOp(x));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var dx = Inputs[0].GradForOverwrite(out bool accumulate);
        if (accumulate) TensorPrimitives.Add(dx, outputGrad, dx);
        else outputGrad.CopyTo(dx);
    }

    private static Shape Resolve(Shape from, ReadOnlySpan<int> dims)
    {
        Span<int> resolved = stackalloc int[dims.Length];
        dims.CopyTo(resolved);
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] == -1)
            {
                if (inferred >= 0) throw new ArgumentException($"Reshape: only one axis may be -1, got {Format(dims)}");
                inferred = i;
            }
            else if (dims[i] < 0) throw new ArgumentException($"Reshape: axis size {dims[i]} in {Format(dims)} is negative");
            else known *= dims[i];
        }
        if (inferred >= 0)
        {
            if (known == 0 || from.Size % known != 0)
                throw new ArgumentException($"Reshape: cannot reshape {from} ({from.Size} elements) to {Format(dims)}");
            resolved[inferred] = (int)(from.Size / known);
        }
        else if (known != from.Size)
        {
            throw new ArgumentException($"Reshape: cannot reshape {from} ({from.Size} elements) to {Format(dims)} ({known} elements)");
        }
        return new Shape(resolved);
    }

    private static string Format(ReadOnlySpan<int> dims) => Keel.Kernels.Broadcasting.BroadcastPlan.Format(dims);
}
