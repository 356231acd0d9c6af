namespace Keel.Tests.Nn;

/// <summary>Sample statistics for checking initializers and dropout.</summary>
internal static class Statistics
{
    public static double Mean(float[] values) => values.Average(v => (double)v);

    /// <summary>The unbiased sample variance.</summary>
    public static double Variance(float[] values)
    {
        double mean = Mean(values);
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
