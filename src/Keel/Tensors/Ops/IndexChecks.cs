using System.Buffers;

namespace Keel.Tensors;

/// <summary>Reads whole-number indices stored in float32 tensors, with one clear error for a bad one.</summary>
internal static class IndexChecks
{
    /// <summary>
    /// Converts every value of <paramref name="indices"/> to an index in <c>[0, size)</c>, into an
    /// array rented from <see cref="ArrayPool{T}.Shared"/> (its first <c>indices.Size</c> entries),
    /// or throws naming the op, the value, its position and the size it must fit.
    /// </summary>
    /// <remarks>Negative indices are rejected, as <c>torch.nn.functional.embedding</c> does (PyTorch's plain indexing would wrap them).</remarks>
    public static int[] RentIndices(string op, Tensor indices, int size, Func<string> what)
    {
        ReadOnlySpan<float> values = indices.Data;
        var result = ArrayPool<int>.Shared.Rent(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (!IsIndex(values[i], size))
            {
                ArrayPool<int>.Shared.Return(result);
                throw Error(op, values[i], i, indices.Shape, size, what());
            }
            result[i] = (int)values[i];
        }
        return result;
    }

    /// <summary>True when <paramref name="value"/> is a whole number in <c>[0, size)</c>.</summary>
    public static bool IsIndex(float value, int size) => value >= 0 && value < size && value == MathF.Floor(value);

    /// <summary>The error for a bad index; <paramref name="position"/> is its flat position in <paramref name="shape"/>.</summary>
    public static ArgumentException Error(string op, float value, int position, Shape shape, int size, string what)
    {
        string kind = float.IsFinite(value) && value == MathF.Floor(value) ? "is out of range" : "is not a whole number";
        return new ArgumentException(
            $"{op}: index {value} at position {Position(position, shape)} {kind}; {what} has size {size}, so indices must be whole numbers in [0, {size - 1}]");
    }

    /// <summary>The multi-index of a flat row-major position, formatted like <c>[1, 2]</c>.</summary>
    public static string Position(int flat, Shape shape)
    {
        var dims = shape.Dims;
        var index = new int[dims.Length];
        for (int d = dims.Length - 1; d >= 0; d--)
        {
            index[d] = dims[d] == 0 ? 0 : flat % dims[d];
            flat = dims[d] == 0 ? 0 : flat / dims[d];
        }
        return "[" + string.Join(", ", index) + "]";
    }
}
