namespace Keel.Data;

/// <summary>What the first row of a CSV file holds.</summary>
public enum CsvHeader
{
    /// <summary>
    /// Decide from the first row: all numbers is <see cref="None"/>; two whole numbers followed by
    /// names (<c>150,4,setosa,…</c>) is <see cref="SklearnCounts"/>; anything else is <see cref="Names"/>.
    /// </summary>
    Auto,

    /// <summary>Column names.</summary>
    Names,

    /// <summary>No header: every row is data; columns are referred to by position.</summary>
    None,

    /// <summary>
    /// scikit-learn's bundled data files: <c>n_samples,n_features,class names…</c>; the rows hold the
    /// features then an integer label, and the counts are checked.
    /// </summary>
    SklearnCounts,
}
