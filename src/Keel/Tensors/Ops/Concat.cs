using System.Numerics.Tensors;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Joins tensors along <paramref name="axis"/> (<c>torch.cat</c>); all other axes must agree.
    /// Each input's gradient is its part of the output's.
    /// </summary>
    /// <exception cref="ArgumentException">No tensors, different ranks or shapes, or a bad axis.</exception>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis = 0) => ConcatOp.Forward(tensors, axis);
}

/// <summary>
/// <c>y = [x₁, x₂, …]</c> along one axis: each outer block of y holds the inputs' blocks in order.
/// <c>∂L/∂xₖ</c> is xₖ's block of <c>∂L/∂y</c>.
/// </summary>
internal sealed class ConcatOp(Tensor[] inputs, int outer, int[] blocks) : Op(inputs)
{
    public override string Name => "Concat";

    public static Tensor Forward(IReadOnlyList<Tensor> tensors, int axis)
    {
        if (tensors.Count == 0) throw new ArgumentException("Concat: needs at least one tensor");
        var first = tensors[0].Shape;
        var layout = AxisLayout.Of("Concat", first, axis);
        var blocks = new int[tensors.Count];
        int total = 0;
        for (int k = 0; k < tensors.Count; k++)
        {
            var shape = tensors[k].Shape;
            bool fits = shape.Rank == first.Rank;
            for (int d = 0; fits && d < shape.Rank; d++) fits = d == layout.Axis || shape[d] == first[d];
            if (!fits)
                throw new ArgumentException($"Concat: shapes {string.Join(", ", tensors.Select(t => t.Shape))} differ outside axis {axis}");
            total += shape[layout.Axis];
            blocks[k] = shape[layout.Axis] * layout.Inner;
        }
        Span<int> dims = stackalloc int[first.Rank];
        first.Dims.CopyTo(dims);
        dims[layout.Axis] = total;
        var y = Tensor.Pooled(new Shape(dims), clear: false);
        var target = y.Data;
        int rowLength = total * layout.Inner;
        for (int o = 0; o < layout.Outer; o++)
        {
            int at = o * rowLength;
            for (int k = 0; k < blocks.Length; k++)
            {
                tensors[k].Data.Slice(o * blocks[k], blocks[k]).CopyTo(target.Slice(at, blocks[k]));
                at += blocks[k];
            }
        }
        var inputs = tensors.ToArray();
        if (GradMode.IsEnabled && inputs.Any(t => t.RequiresGrad)) y.SetOp(new ConcatOp(inputs, layout.Outer, blocks));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        int rowLength = blocks.Sum();
        for (int k = 0, start = 0; k < blocks.Length; start += blocks[k], k++)
        {
            if (!Inputs[k].RequiresGrad) continue;
            var dx = Inputs[k].GradForAccumulation();
            for (int o = 0; o < outer; o++)
            {
                var part = dx.Slice(o * blocks[k], blocks[k]);
                TensorPrimitives.Add(part, outputGrad.Slice(o * rowLength + start, blocks[k]), part);
            }
        }
    }
}
