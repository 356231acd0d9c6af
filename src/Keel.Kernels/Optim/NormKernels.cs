using System.Numerics.Tensors;

namespace Keel.Kernels.Optim;

/// <summary>
/// Norms for clipping and constraints: whole spans, and groups of a row-major array that share
/// their indices on the kept axes (the norm "over axes", like <c>reduce_sum(x², axes, keepdims)</c>).
/// Sums of squares accumulate in double.
/// </summary>
public static class NormKernels
{
    /// <summary><c>Σ x[i]²</c>, accumulated in double; NaN or infinity when an element is.</summary>
    public static double SumOfSquares(ReadOnlySpan<float> x)
    {
        double sum = 0;
        foreach (float v in x) sum += (double)v * v;
        return sum;
    }

    /// <summary><c>max |x[i]|</c> (0 for an empty span); NaN when an element is.</summary>
    public static float MaxAbs(ReadOnlySpan<float> x) => x.IsEmpty ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(x));

    /// <summary>The number of groups: the product of the sizes of the axes not in <paramref name="axes"/>.</summary>
    public static int GroupCount(ReadOnlySpan<int> dims, ReadOnlySpan<int> axes)
    {
        int count = 1;
        for (int a = 0; a < dims.Length; a++)
        {
            if (!axes.Contains(a)) count *= dims[a];
        }
        return count;
    }

    /// <summary>
    /// <c>sums[k] = Σ x[i]²</c> over the elements of group k, where an element's group is its
    /// row-major index over the axes not in <paramref name="axes"/> (0-based, non-negative, distinct).
    /// </summary>
    public static void GroupSumsOfSquares(ReadOnlySpan<float> x, ReadOnlySpan<int> dims, ReadOnlySpan<int> axes, Span<double> sums)
    {
        Check(x.Length, dims, axes, sums.Length);
        Span<int> strides = stackalloc int[dims.Length];
        GroupStrides(dims, axes, strides);
        sums.Clear();
        for (int i = 0; i < x.Length; i++) sums[GroupOf(i, dims, strides)] += (double)x[i] * x[i];
    }

    /// <summary><c>x[i] ← x[i] · factors[group(i)]</c>, with groups as in <see cref="GroupSumsOfSquares"/>.</summary>
    public static void ScaleGroups(Span<float> x, ReadOnlySpan<int> dims, ReadOnlySpan<int> axes, ReadOnlySpan<double> factors)
    {
        Check(x.Length, dims, axes, factors.Length);
        Span<int> strides = stackalloc int[dims.Length];
        GroupStrides(dims, axes, strides);
        for (int i = 0; i < x.Length; i++) x[i] = (float)(x[i] * factors[GroupOf(i, dims, strides)]);
    }

    private static void GroupStrides(ReadOnlySpan<int> dims, ReadOnlySpan<int> axes, Span<int> strides)
    {
        int stride = 1;
        for (int a = dims.Length - 1; a >= 0; a--)
        {
            if (axes.Contains(a))
            {
                strides[a] = 0;
            }
            else
            {
                strides[a] = stride;
                stride *= dims[a];
            }
        }
    }

    private static int GroupOf(int index, ReadOnlySpan<int> dims, ReadOnlySpan<int> strides)
    {
        int group = 0;
        for (int a = dims.Length - 1; a >= 0 && index > 0; a--)
        {
            group += index % dims[a] * strides[a];
            index /= dims[a];
        }
        return group;
    }

    private static void Check(int length, ReadOnlySpan<int> dims, ReadOnlySpan<int> axes, int groups)
    {
        int size = 1;
        foreach (int d in dims) size *= d;
        if (size != length) throw new ArgumentException($"{length} values do not fill the dimensions given ({size} elements)");
        foreach (int a in axes)
        {
            if (a < 0 || a >= dims.Length) throw new ArgumentOutOfRangeException(nameof(axes), a, $"axis {a} is out of range for {dims.Length} dimensions");
        }
        if (groups != GroupCount(dims, axes)) throw new ArgumentException($"{groups} group values given; the kept axes make {GroupCount(dims, axes)} groups");
    }
}
