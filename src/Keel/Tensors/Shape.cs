using System.Collections;
using System.Runtime.CompilerServices;

namespace Keel.Tensors;

/// <summary>The sizes of a tensor's axes, outermost first; immutable. <c>[]</c> is a scalar.</summary>
/// <remarks>Write shapes as collection expressions: <c>Tensor.Zeros([32, 27])</c>.</remarks>
[CollectionBuilder(typeof(Shape), nameof(Create))]
public readonly struct Shape : IEquatable<Shape>, IReadOnlyList<int>
{
    private readonly int[]? _dims;

    /// <summary>A shape with the given axis sizes (copied).</summary>
    /// <exception cref="ArgumentException">An axis size is negative.</exception>
    public Shape(ReadOnlySpan<int> dims)
    {
        foreach (var d in dims)
        {
            if (d < 0) throw new ArgumentException($"shape {BroadcastFormat(dims)} has a negative axis size");
        }
        _dims = dims.ToArray();
        long size = 1;
        foreach (var d in dims) size *= d;
        if (size > Array.MaxLength) throw new ArgumentException($"shape {BroadcastFormat(dims)} has {size} elements, more than an array can hold");
        Size = (int)size;
    }

    /// <summary>Builds a shape from a collection expression.</summary>
    public static Shape Create(ReadOnlySpan<int> dims) => new(dims);

    /// <summary>Number of axes.</summary>
    public int Rank => _dims?.Length ?? 0;

    /// <summary>Number of elements: the product of the axis sizes (1 for a scalar).</summary>
    public int Size { get; } = 1;

    /// <summary>The axis sizes.</summary>
    public ReadOnlySpan<int> Dims => _dims;

    /// <summary>Size of axis <paramref name="axis"/>; negative axes count from the end.</summary>
    public int this[int axis] => Dims[NormalizeAxis(axis)];

    /// <inheritdoc />
    public int Count => Rank;

    /// <summary>Maps a possibly negative axis to <c>0..Rank-1</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is outside the shape.</exception>
    public int NormalizeAxis(int axis)
    {
        int normalized = axis < 0 ? axis + Rank : axis;
        if (normalized < 0 || normalized >= Rank)
            throw new ArgumentOutOfRangeException(nameof(axis), $"axis {axis} is out of range for shape {this}");
        return normalized;
    }

    /// <inheritdoc />
    public bool Equals(Shape other) => Dims.SequenceEqual(other.Dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Shape other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in Dims) hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>Shapes are equal when their axis sizes are.</summary>
    public static bool operator ==(Shape left, Shape right) => left.Equals(right);

    /// <summary>Shapes differ when any axis size does.</summary>
    public static bool operator !=(Shape left, Shape right) => !left.Equals(right);

    /// <summary>Formats as <c>[32, 27]</c>.</summary>
    public override string ToString() => BroadcastFormat(Dims);

    /// <inheritdoc />
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_dims ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string BroadcastFormat(ReadOnlySpan<int> dims) => Keel.Kernels.Broadcasting.BroadcastPlan.Format(dims);
}
