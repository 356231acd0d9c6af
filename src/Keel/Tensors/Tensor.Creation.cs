namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>A tensor of the given shape filled with zeros.</summary>
    public static Tensor Zeros(Shape shape, bool requiresGrad = false)
        => new(shape, requiresGrad, clear: true);

    /// <summary>A tensor of the given shape filled with ones.</summary>
    public static Tensor Ones(Shape shape, bool requiresGrad = false) => Full(shape, 1f, requiresGrad);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/>.</summary>
    public static Tensor Full(Shape shape, float value, bool requiresGrad = false)
    {
        var t = Pooled(shape, clear: false);
        t.Data.Fill(value);
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>A zero-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor Scalar(float value, bool requiresGrad = false) => Full([], value, requiresGrad);

    /// <summary>A tensor holding a copy of <paramref name="values"/> in the given shape (row-major).</summary>
    /// <exception cref="ArgumentException">The number of values does not match the shape.</exception>
    public static Tensor FromArray(float[] values, Shape shape, bool requiresGrad = false)
    {
        var t = FromSpan(values, shape);
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>A one-dimensional tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor FromArray(float[] values, bool requiresGrad = false)
        => FromArray(values, [values.Length], requiresGrad);

    /// <summary>A tensor holding a copy of a rectangular 2-D array.</summary>
    public static Tensor FromArray(float[,] values, bool requiresGrad = false)
    {
        int rows = values.GetLength(0), cols = values.GetLength(1);
        var t = Pooled([rows, cols], clear: false);
        var data = t.Data;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++) data[i * cols + j] = values[i, j];
        }
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary><c>[start, start + step, …]</c> up to but excluding <paramref name="end"/>, like <c>torch.arange</c>.</summary>
    public static Tensor Arange(float start, float end, float step = 1f)
    {
        if (step == 0 || !float.IsFinite(step)) throw new ArgumentException($"Arange: step must be finite and non-zero, got {step}", nameof(step));
        int count = Math.Max(0, (int)Math.Ceiling((end - start) / step));
        var t = Pooled([count], clear: false);
        var data = t.Data;
        for (int i = 0; i < count; i++) data[i] = start + i * step;
        return t;
    }

    /// <summary><c>[0, 1, …, count − 1]</c>.</summary>
    public static Tensor Arange(int count) => Arange(0, count);

    /// <summary>Samples from N(<paramref name="mean"/>, <paramref name="std"/>²), like <c>torch.randn</c>.</summary>
    public static Tensor Normal(Shape shape, Generator generator, float mean = 0f, float std = 1f, bool requiresGrad = false)
    {
        var t = Pooled(shape, clear: false);
        var data = t.Data;
        for (int i = 0; i < data.Length; i++) data[i] = mean + std * generator.NextNormal();
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>Samples from U[<paramref name="low"/>, <paramref name="high"/>), like <c>torch.rand</c>.</summary>
    public static Tensor Uniform(Shape shape, Generator generator, float low = 0f, float high = 1f, bool requiresGrad = false)
    {
        var t = Pooled(shape, clear: false);
        var data = t.Data;
        for (int i = 0; i < data.Length; i++) data[i] = low + (high - low) * generator.NextFloat();
        t.RequiresGrad = requiresGrad;
        return t;
    }

    /// <summary>Whole numbers drawn uniformly from [<paramref name="low"/>, <paramref name="high"/>), like <c>torch.randint</c>.</summary>
    /// <remarks>Indices are whole numbers stored as float32, exact up to 2²⁴.</remarks>
    public static Tensor RandomIntegers(Shape shape, int low, int high, Generator generator)
    {
        if (high <= low) throw new ArgumentException($"RandomIntegers: high ({high}) must exceed low ({low})");
        var t = Pooled(shape, clear: false);
        var data = t.Data;
        for (int i = 0; i < data.Length; i++) data[i] = low + generator.NextInt(high - low);
        return t;
    }

    /// <summary>A tensor of the same shape filled with zeros.</summary>
    public static Tensor ZerosLike(Tensor other) => Zeros(other.Shape);

    /// <summary>A tensor of the same shape filled with ones.</summary>
    public static Tensor OnesLike(Tensor other) => Ones(other.Shape);

    /// <summary>A pooled tensor whose values the caller fills (zeroed when <paramref name="clear"/>).</summary>
    internal static Tensor Pooled(Shape shape, bool clear) => new(shape, requiresGrad: false, clear);

    /// <summary>A pooled tensor holding a copy of <paramref name="values"/>.</summary>
    internal static Tensor FromSpan(ReadOnlySpan<float> values, Shape shape)
    {
        if (values.Length != shape.Size)
            throw new ArgumentException($"{values.Length} values do not fill shape {shape} ({shape.Size} elements)");
        var t = Pooled(shape, clear: false);
        values.CopyTo(t.Data);
        return t;
    }
}
