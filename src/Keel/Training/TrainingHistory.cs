using System.Globalization;
using System.Text;

namespace Keel.Training;

/// <summary>One row of the history: the metrics recorded at one training step.</summary>
/// <param name="Step">Number of optimizer steps taken when the row was recorded.</param>
/// <param name="Metrics">Metric name to value: <c>loss</c> (mean data loss since the last row), <c>penalty</c>, <c>lr</c>, <c>val_loss</c>, <c>val_accuracy</c>, …</param>
public sealed record HistoryRow(long Step, IReadOnlyDictionary<string, float> Metrics);

/// <summary>
/// The metrics of a run, one row per evaluation, like the <c>History</c> Keras' <c>fit</c> returns.
/// Saved as <c>history.csv</c>: a <c>step</c> column, then one column per metric in first-seen order.
/// </summary>
public sealed class TrainingHistory
{
    private readonly List<HistoryRow> _rows = [];
    private readonly List<string> _columns = [];

    /// <summary>The rows in step order.</summary>
    public IReadOnlyList<HistoryRow> Rows => _rows;

    /// <summary>Metric names in the order they first appeared.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>Why training stopped before its budget, or null when it ran to the end.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>Appends a row.</summary>
    public void Add(HistoryRow row)
    {
        foreach (var name in row.Metrics.Keys)
        {
            if (!_columns.Contains(name)) _columns.Add(name);
        }
        _rows.Add(row);
    }

    /// <summary>The values of one metric with their steps, skipping rows without it.</summary>
    public IReadOnlyList<(long Step, float Value)> Series(string metric)
        => _rows.Where(r => r.Metrics.ContainsKey(metric)).Select(r => (r.Step, r.Metrics[metric])).ToList();

    /// <summary>The last recorded value of a metric, or null.</summary>
    public float? Last(string metric)
    {
        for (int i = _rows.Count - 1; i >= 0; i--)
        {
            if (_rows[i].Metrics.TryGetValue(metric, out var value)) return value;
        }
        return null;
    }

    /// <summary>The history as CSV text (invariant culture, round-trip floats; empty cells for missing values).</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("step");
        foreach (var column in _columns) text.Append(',').Append(column);
        text.Append('\n');
        foreach (var row in _rows)
        {
            text.Append(row.Step.ToString(CultureInfo.InvariantCulture));
            foreach (var column in _columns)
            {
                text.Append(',');
                if (row.Metrics.TryGetValue(column, out var value)) text.Append(value.ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Reads a history written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="FormatException">A cell is not a number; the message names the line and column.</exception>
    public static TrainingHistory FromCsv(string csv, string source = "history.csv")
    {
        var history = new TrainingHistory();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return history;
        var header = lines[0].Split(',');
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (!long.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var step))
                throw new FormatException($"{source}: line {i + 1}, column step: '{cells[0]}' is not a step number");
            var metrics = new Dictionary<string, float>();
            for (int c = 1; c < header.Length && c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                if (!float.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    throw new FormatException($"{source}: line {i + 1}, column {header[c]}: '{cells[c]}' is not a number");
                metrics[header[c]] = value;
            }
            history.Add(new HistoryRow(step, metrics));
        }
        return history;
    }
}
