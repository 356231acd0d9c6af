using System.Globalization;
using Keel.Tensors;

namespace Keel.Data;

/// <summary>Loads a table of numbers from a CSV file (plain or gzip) into a <see cref="Dataset"/>.</summary>
/// <remarks>
/// Every cell must be a finite number in invariant culture (<c>1.5</c>, <c>-2e-3</c>); a cell that is
/// not is an error naming the file, the line (counted from 1, the header included) and the column.
/// Blank lines are skipped. Features are <c>[N, columns − 1]</c> in file order, targets <c>[N]</c>.
/// </remarks>
public static class CsvDataset
{
    /// <summary>Reads <paramref name="path"/>; the <paramref name="target"/> column (by name; the last column when null) becomes the targets.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A cell is not a number, a row has the wrong number of cells, or the file has no data.</exception>
    /// <exception cref="ArgumentException">The target column is not in the header.</exception>
    public static Dataset Load(string path, string? target = null, CsvHeader header = CsvHeader.Auto)
    {
        using var lines = NonBlankLines(path).GetEnumerator();
        if (!lines.MoveNext()) throw new FormatException($"{path} is empty");
        var (firstNumber, firstCells) = lines.Current;
        if (header == CsvHeader.Auto) header = Detect(firstCells);

        IReadOnlyList<string>? names = header == CsvHeader.Names ? firstCells : null;
        int columns = header switch
        {
            CsvHeader.SklearnCounts => SklearnCount(firstCells, 1, path, firstNumber) + 1,
            _ => firstCells.Count,
        };
        if (columns < 2) throw new FormatException($"{path} line {firstNumber}: {columns} column; a dataset needs features and a target");
        int targetColumn = TargetColumn(names, target, path, columns);

        var features = new List<float>();
        var targets = new List<float>();
        var rows = header == CsvHeader.None ? Prepend((firstNumber, firstCells), lines) : Rest(lines);
        foreach (var (number, cells) in rows)
        {
            if (cells.Count != columns)
                throw new FormatException($"{path} line {number}: {cells.Count} cells, expected {columns}");
            for (int c = 0; c < columns; c++)
            {
                float value = Parse(cells[c], path, number, c, names);
                if (c == targetColumn) targets.Add(value);
                else features.Add(value);
            }
        }
        if (targets.Count == 0) throw new FormatException($"{path} has no data rows");
        if (header == CsvHeader.SklearnCounts) CheckSklearn(firstCells, targets, path);
        return new Dataset(
            Tensor.FromArray([.. features], [targets.Count, columns - 1]),
            Tensor.FromArray([.. targets]));
    }

    private static CsvHeader Detect(List<string> cells)
    {
        if (cells.All(c => IsNumber(c))) return CsvHeader.None;
        bool counts = cells.Count >= 3 && int.TryParse(cells[0], CultureInfo.InvariantCulture, out _)
            && int.TryParse(cells[1], CultureInfo.InvariantCulture, out _) && cells.Skip(2).All(c => !IsNumber(c));
        return counts ? CsvHeader.SklearnCounts : CsvHeader.Names;
    }

    private static int TargetColumn(IReadOnlyList<string>? names, string? target, string path, int columns)
    {
        if (target is null) return columns - 1;
        if (names is null)
            throw new ArgumentException($"{path} has no row of column names, so the target column '{target}' cannot be found; leave the target unset to use the last column", nameof(target));
        int index = names.ToList().IndexOf(target);
        return index >= 0 ? index
            : throw new ArgumentException($"{path} has no column '{target}'; its columns are {string.Join(", ", names)}", nameof(target));
    }

    private static float Parse(string cell, string path, int line, int column, IReadOnlyList<string>? names)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            return (float)value;
        string name = names is null ? "" : $" ('{names[column]}')";
        string what = cell.Length == 0 ? "is empty" : $"'{cell}' is not a finite number";
        throw new FormatException($"{path} line {line}, column {column + 1}{name}: {what}");
    }

    private static int SklearnCount(List<string> cells, int index, string path, int line)
        => int.TryParse(cells[index], CultureInfo.InvariantCulture, out int n) && n >= 0 ? n
            : throw new FormatException($"{path} line {line}: expected the scikit-learn header 'n_samples,n_features,class names…', got '{string.Join(",", cells)}'");

    private static void CheckSklearn(List<string> header, List<float> targets, string path)
    {
        int samples = SklearnCount(header, 0, path, 1);
        if (samples != targets.Count)
            throw new FormatException($"{path}: the header announces {samples} samples but the file holds {targets.Count}");
        int classes = header.Count - 2;
        int bad = targets.FindIndex(t => t != MathF.Floor(t) || t < 0 || t >= classes);
        if (bad >= 0)
            throw new FormatException($"{path}: sample {bad + 1} has label {targets[bad]}, not one of the {classes} classes 0…{classes - 1}");
    }

    private static bool IsNumber(string cell) => double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static IEnumerable<(int Number, List<string> Cells)> NonBlankLines(string path)
    {
        int number = 0;
        foreach (var line in DataFile.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line)) yield return (number, CsvRow.Split(line, path, number));
        }
    }

    private static IEnumerable<T> Prepend<T>(T first, IEnumerator<T> rest)
    {
        yield return first;
        while (rest.MoveNext()) yield return rest.Current;
    }

    private static IEnumerable<T> Rest<T>(IEnumerator<T> rest)
    {
        while (rest.MoveNext()) yield return rest.Current;
    }
}
