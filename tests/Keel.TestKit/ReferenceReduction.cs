namespace Keel.TestKit;

/// <summary>Reductions over axes in double, computed naively by multi-index, for reference formulas.</summary>
public static class ReferenceReduction
{
    /// <summary>
    /// Applies <paramref name="f"/> to each slice of <paramref name="x"/> (shape
    /// <paramref name="shape"/>) over <paramref name="axes"/> (all when empty; negative allowed),
    /// giving the results in row-major order of the kept axes. Slice elements are in row-major order.
    /// </summary>
    public static double[] Apply(double[] x, int[] shape, int[] axes, Func<double[], double> f)
    {
        var reduced = new bool[shape.Length];
        foreach (var a in axes) reduced[a < 0 ? a + shape.Length : a] = true;
        if (axes.Length == 0) Array.Fill(reduced, true);
        var strides = Reference.Strides(shape);
        var groups = new Dictionary<int, List<double>>();
        var order = new List<int>();
        for (int i = 0; i < x.Length; i++)
        {
            int key = 0;
            for (int d = 0; d < shape.Length; d++)
            {
                if (!reduced[d]) key = key * shape[d] + i / strides[d] % shape[d];
            }
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }
            list.Add(x[i]);
        }
        int outputs = 1;
        for (int d = 0; d < shape.Length; d++) outputs *= reduced[d] ? 1 : shape[d];
        var result = new double[x.Length == 0 ? outputs : order.Count];
        for (int k = 0; k < result.Length; k++) result[k] = f(groups.TryGetValue(k, out var g) ? [.. g] : []);
        return result;
    }
}
