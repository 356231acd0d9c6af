namespace Keel.Tensors;

/// <summary>Reads whole-number indices stored in float32 tensors, with one clear error for a bad one.</summary>
internal static class IndexChecks
{
    /// <summary>
    /// Converts every value of <paramref name="indices"/> to an index in <c>[0, size)</c>, or throws
    /// naming the op, the value, its position and the size it must fit.
    /// </summary>
    /// <remarks>Negative indices are rejected, as <c>torch.nn.functional.embedding</c> does (PyTorch's plain indexing would wrap them).</remarks>
    public static int[] ToIndices(string op, Tensor indices, int size, string what)
    {
        var values = indices.Data;
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = ToIndex(op, values[i], i, indices.Shape, size, what);
        return result;
    }

    /// <summary>One value as an index in <c>[0, size)</c>; <paramref name="position"/> is its flat position in <paramref name="shape"/>.</summary>
    public static int ToIndex(string op, float value, int position, Shape shape, int size, string what)
    {
        if (value >= 0 && value < size && value == MathF.Floor(value)) return (int)value;
        string kind = float.IsFinite(value) && value == MathF.Floor(value) ? "is out of range" : "is not a whole number";
        throw new ArgumentException(
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
