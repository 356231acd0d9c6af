using Keel.Tensors;

namespace Keel.Nn;

/// <summary>Which fan a variance-scaling initializer divides by.</summary>
public enum FanMode
{
    /// <summary>The number of inputs of a unit (PyTorch's <c>fan_in</c>): preserves the forward variance.</summary>
    FanIn,

    /// <summary>The number of outputs (<c>fan_out</c>): preserves the backward variance.</summary>
    FanOut,

    /// <summary>Their mean, <c>(fan_in + fan_out)/2</c>, as Glorot and Bengio (2010) use (Keras' <c>fan_avg</c>).</summary>
    FanAverage,
}

/// <summary>The number of inputs and outputs a weight connects.</summary>
/// <param name="In">fan_in.</param>
/// <param name="Out">fan_out.</param>
public readonly record struct Fans(int In, int Out)
{
    /// <summary>
    /// Fans of a weight in Keel's <c>[in, out]</c> layout, as Keras computes them: a matrix
    /// <c>[in, out]</c> gives (in, out); a vector of n gives (n, n); higher ranks multiply both by
    /// the product of the leading axes (the receptive field). PyTorch stores <c>[out, in]</c> and
    /// reads the same numbers from the other axes.
    /// </summary>
    public static Fans Of(Shape shape)
    {
        if (shape.Rank == 0) return new(1, 1);
        if (shape.Rank == 1) return new(shape[0], shape[0]);
        int receptive = 1;
        for (int d = 0; d < shape.Rank - 2; d++) receptive *= shape.Dims[d];
        return new(shape[-2] * receptive, shape[-1] * receptive);
    }

    /// <summary>The fan that <paramref name="mode"/> selects.</summary>
    public float Select(FanMode mode) => mode switch
    {
        FanMode.FanIn => In,
        FanMode.FanOut => Out,
        FanMode.FanAverage => (In + Out) / 2f,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown fan mode"),
    };
}
