namespace Keel.Tensors;

/// <summary>A shape seen as <c>[outer, n, inner]</c> around one axis, as the axis-wise kernels read it.</summary>
internal readonly record struct AxisLayout(int Axis, int Outer, int N, int Inner)
{
    /// <summary>Splits <paramref name="shape"/> around <paramref name="axis"/> (negative counts from the end), or throws naming the op.</summary>
    public static AxisLayout Of(string op, Shape shape, int axis)
    {
        if (shape.Rank == 0) throw new ArgumentException($"{op}: needs at least one axis; got a scalar (shape {shape})");
        if (axis < -shape.Rank || axis >= shape.Rank) throw new ArgumentException($"{op}: axis {axis} is out of range for shape {shape}");
        int a = shape.NormalizeAxis(axis), outer = 1, inner = 1;
        var dims = shape.Dims;
        for (int d = 0; d < a; d++) outer *= dims[d];
        for (int d = a + 1; d < dims.Length; d++) inner *= dims[d];
        return new AxisLayout(a, outer, dims[a], inner);
    }
}
