using System.Globalization;
using System.Text;

namespace Keel.Tensors;

/// <summary>Formats a tensor like PyTorch's repr: nested brackets, elided in the middle when long.</summary>
internal static class TensorFormatter
{
    private const int EdgeItems = 3;
    private const int MaxFullAxis = 8;

    public static string Format(Tensor tensor)
    {
        var text = new StringBuilder("tensor(");
        if (tensor.IsBufferReleased) text.Append("<released>");
        else AppendAxis(text, tensor.Data, tensor.Shape.Dims, 0, 0, indent: 7);
        text.Append(", shape=").Append(tensor.Shape);
        if (tensor.GradFn is { } fn) text.Append(", grad_fn=").Append(fn);
        else if (tensor.RequiresGrad) text.Append(", requires_grad=True");
        return text.Append(')').ToString();
    }

    private static void AppendAxis(StringBuilder text, ReadOnlySpan<float> data, ReadOnlySpan<int> dims, int axis, int offset, int indent)
    {
        if (axis == dims.Length)
        {
            text.Append(data[offset].ToString("0.0000", CultureInfo.InvariantCulture));
            return;
        }
        int size = dims[axis], stride = 1;
        for (int d = axis + 1; d < dims.Length; d++) stride *= dims[d];
        text.Append('[');
        for (int i = 0; i < size; i++)
        {
            if (size > MaxFullAxis && i == EdgeItems)
            {
                text.Append("..., ");
                i = size - EdgeItems;
            }
            AppendAxis(text, data, dims, axis + 1, offset + i * stride, indent + 1);
            if (i < size - 1)
            {
                text.Append(',');
                if (axis < dims.Length - 1) text.Append('\n').Append(' ', indent + 1);
                else text.Append(' ');
            }
        }
        text.Append(']');
    }
}
