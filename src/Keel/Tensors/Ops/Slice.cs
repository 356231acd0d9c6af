using System.Numerics.Tensors;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// The rows <paramref name="range"/> of the first axis, copied, like <c>x[2:5]</c> in PyTorch:
    /// <c>x[2..5]</c>, <c>x[^3..]</c>. The range must lie within the axis (no clipping, unlike Python).
    /// </summary>
    /// <exception cref="ArgumentException">A scalar, or a range outside the first axis.</exception>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[Range range]
    {
        get
        {
            if (Rank == 0) throw new ArgumentException($"Slice: cannot slice a scalar (shape {Shape})");
            int n = Shape[0];
            int start = range.Start.GetOffset(n), end = range.End.GetOffset(n);
            if (start < 0 || end > n || start > end)
                throw new ArgumentException($"Slice: range {range} is outside the first axis of shape {Shape} (rows 0..{n})");
            return SliceOp.Forward(this, start, end - start);
        }
    }

    /// <summary><paramref name="length"/> rows of the first axis starting at <paramref name="start"/>, copied (<c>torch.narrow(x, 0, start, length)</c>).</summary>
    /// <exception cref="ArgumentException">A scalar, or rows outside the first axis.</exception>
    public Tensor Slice(int start, int length) => SliceOp.Forward(this, start, length);
}

/// <summary><c>y = x[start : start + length]</c> along the first axis, copied; <c>∂L/∂x</c> adds <c>∂L/∂y</c> into those rows.</summary>
internal sealed class SliceOp(Tensor x, int offset) : Op(x)
{
    public override string Name => "Slice";

    public static Tensor Forward(Tensor x, int start, int length)
    {
        if (x.Rank == 0) throw new ArgumentException($"Slice: cannot slice a scalar (shape {x.Shape})");
        int n = x.Shape[0];
        if (start < 0 || length < 0 || start > n - length)
            throw new ArgumentException($"Slice: rows {start}..{(long)start + length} are outside the first axis of shape {x.Shape} (rows 0..{n})");
        int row = n == 0 ? 0 : x.Size / n;
        Span<int> dims = stackalloc int[x.Rank];
        x.Shape.Dims.CopyTo(dims);
        dims[0] = length;
        var y = Tensor.FromSpan(x.Data.Slice(start * row, length * row), new Shape(dims));
        if (ShouldRecord(x)) y.SetOp(new SliceOp(x, start * row));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        var dx = Inputs[0].GradForAccumulation().Slice(offset, outputGrad.Length);
        TensorPrimitives.Add(dx, outputGrad, dx);
    }
}
