using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Keel.Serialization;

namespace Keel.Diagnostics;

/// <summary>
/// What a <see cref="Probe"/> recorded in a run, saved as <c>diagnostics.jsonl</c>: JSON Lines
/// (UTF-8, one object per line), each with a <c>type</c> field.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>run</c>, the first line: <c>every</c>, <c>expected_initial_loss</c>.</item>
/// <item><c>probe</c>: <c>step</c>, <c>loss</c>, <c>learning_rate</c>, <c>grad_norm</c>, <c>applied</c>,
/// <c>layers</c> (objects of <see cref="LayerStats"/>) and <c>parameters</c> (<see cref="ParameterStats"/>).</item>
/// <item><c>evaluation</c>: <c>step</c> and <c>metrics</c> (<c>loss</c>, <c>val_loss</c>, <c>lr</c>, …).</item>
/// </list>
/// Keys are the C# property names in snake case; a histogram is <c>{"min", "max", "counts"}</c>;
/// non-finite numbers are the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// </remarks>
public sealed class DiagnosticsLog
{
    /// <summary>The file name inside a run folder.</summary>
    public const string FileName = "diagnostics.jsonl";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly List<ProbeRecord> _probes = [];
    private readonly List<EvaluationRecord> _evaluations = [];

    /// <summary>An empty log with its header.</summary>
    public DiagnosticsLog(RunHeader header) => Header = header;

    /// <summary>How the run was probed.</summary>
    public RunHeader Header { get; }

    /// <summary>The probes, in step order.</summary>
    public IReadOnlyList<ProbeRecord> Probes => _probes;

    /// <summary>The evaluations, in step order.</summary>
    public IReadOnlyList<EvaluationRecord> Evaluations => _evaluations;

    /// <summary>Appends a probe.</summary>
    public void Add(ProbeRecord record) => _probes.Add(record);

    /// <summary>Appends an evaluation.</summary>
    public void Add(EvaluationRecord record) => _evaluations.Add(record);

    /// <summary>The log as JSON Lines: the header, then every record in step order (probes before evaluations of the same step).</summary>
    public string ToJsonLines()
    {
        var text = new StringBuilder();
        Append(text, Header);
        var entries = _probes.Select(p => (p.Step, Order: 0, Entry: (DiagnosticsEntry)p))
            .Concat(_evaluations.Select(e => (e.Step, Order: 1, Entry: (DiagnosticsEntry)e)))
            .OrderBy(e => e.Step).ThenBy(e => e.Order);
        foreach (var (_, _, entry) in entries) Append(text, entry);
        return text.ToString();
    }

    /// <summary>Writes the log to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJsonLines());

    /// <summary>Reads a log written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">A line is not a diagnostics record; the message names the file and line.</exception>
    public static DiagnosticsLog Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: the run recorded no diagnostics (set diagnostics: {{every: N}})");
        return Parse(File.ReadLines(path), path);
    }

    /// <summary>Parses JSON Lines; <paramref name="source"/> names the input in error messages.</summary>
    public static DiagnosticsLog Parse(IEnumerable<string> lines, string source)
    {
        DiagnosticsLog? log = null;
        int number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            DiagnosticsEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<DiagnosticsEntry>(line, Json);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                throw new InvalidDataException($"{source}:{number}: not a diagnostics record: {e.Message}", e);
            }
            switch (entry)
            {
                case RunHeader header when log is null: log = new DiagnosticsLog(header); break;
                case ProbeRecord probe when log is not null: log.Add(probe); break;
                case EvaluationRecord evaluation when log is not null: log.Add(evaluation); break;
                default: throw new InvalidDataException($"{source}:{number}: expected {(log is null ? "the run header first" : "a probe or evaluation record")}");
            }
        }
        return log ?? throw new InvalidDataException($"{source} is empty: expected a run header line");
    }

    private static void Append(StringBuilder text, DiagnosticsEntry entry)
        => text.Append(JsonSerializer.Serialize(entry, Json)).Append('\n');
}
