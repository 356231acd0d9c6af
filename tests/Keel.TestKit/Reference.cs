namespace Keel.TestKit;

/// <summary>Double-precision helpers for writing reference formulas in tests.</summary>
public static class Reference
{
    /// <summary>Row-major strides of a shape.</summary>
    public static int[] Strides(int[] shape)
    {
        var strides = new int[shape.Length];
        int stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    /// <summary>numpy broadcasting of an elementwise function, computed naively by multi-index.</summary>
    public static double[] Broadcast(double[] a, int[] aShape, double[] b, int[] bShape, Func<double, double, double> f, out int[] outShape)
    {
        int rank = Math.Max(aShape.Length, bShape.Length);
        int[] pa = Pad(aShape, rank), pb = Pad(bShape, rank);
        outShape = new int[rank];
        for (int d = 0; d < rank; d++) outShape[d] = pa[d] == 1 ? pb[d] : pa[d];
        int size = outShape.Aggregate(1, (x, y) => x * y);
        int[] sa = Strides(pa), sb = Strides(pb), so = Strides(outShape);
        var result = new double[size];
        for (int i = 0; i < size; i++)
        {
            int ia = 0, ib = 0;
            for (int d = 0; d < rank; d++)
            {
                int index = i / so[d] % outShape[d];
                if (pa[d] != 1) ia += index * sa[d];
                if (pb[d] != 1) ib += index * sb[d];
            }
            result[i] = f(a[ia], b[ib]);
        }
        return result;
    }

    private static int[] Pad(int[] shape, int rank)
        => Enumerable.Repeat(1, rank - shape.Length).Concat(shape).ToArray();
}
