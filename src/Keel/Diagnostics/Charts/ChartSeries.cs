namespace Keel.Diagnostics;

/// <summary>One line on a chart; points with a non-finite coordinate break the line.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Points">(x, y) in data units.</param>
/// <param name="Dashed">Draw dashed (for a second quantity of the same colour family, such as validation loss).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false);

/// <summary>A labelled horizontal line at <paramref name="Y"/>, such as the 1e-3 update-to-data reference.</summary>
/// <param name="Y">The height in data units.</param>
/// <param name="Label">Text written beside it.</param>
public sealed record ReferenceLine(double Y, string Label);
