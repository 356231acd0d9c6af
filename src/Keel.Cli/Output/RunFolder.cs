using System.Globalization;
using System.Text.Json;
using Keel.Data;
using Keel.Diagnostics;
using Keel.Nn;
using Keel.Serialization;
using Keel.Training;

namespace Keel.Cli.Output;

/// <summary>
/// The files of a run: <c>config.yaml</c> (as resolved), <c>history.csv</c>, <c>metrics.json</c>,
/// <c>model.safetensors</c>, <c>checkpoint.safetensors</c> (resumable), <c>vocabulary.json</c> for
/// text data, <c>standardizer.json</c> when features were standardized, and with diagnostics on
/// <c>diagnostics.jsonl</c>, <c>report.html</c> and the charts (<c>*.svg</c>). Every file is written
/// atomically: a killed run leaves only whole files.
/// </summary>
internal sealed class RunFolder
{
    public RunFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Config => File("config.yaml");

    public string Checkpoint => File("checkpoint.safetensors");

    public string Model => File("model.safetensors");

    public string History => File("history.csv");

    public string Metrics => File("metrics.json");

    public string Vocabulary => File("vocabulary.json");

    public string Standardizer => File("standardizer.json");

    public string Diagnostics => File(DiagnosticsLog.FileName);

    public string Report => File(DiagnosticsReport.FileName);

    /// <summary>A default folder for a config: <c>runs/&lt;config name&gt;-&lt;UTC time&gt;</c>.</summary>
    public static string DefaultFor(string configPath)
        => System.IO.Path.Combine("runs", $"{System.IO.Path.GetFileNameWithoutExtension(configPath)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Deletes temporary files a killed run left behind (its real files are whole: writes are atomic).</summary>
    public void RemoveStaleTemporaryFiles()
    {
        foreach (var file in Directory.GetFiles(Path, ".*.tmp")) System.IO.File.Delete(file);
    }

    public void WriteConfig(string yaml) => AtomicFile.WriteAllText(Config, yaml);

    public void WriteHistory(TrainingHistory history) => AtomicFile.WriteAllText(History, history.ToCsv());

    public void WriteModel(Module model, long step)
        => SafeTensorsFile.Write(Model, model.StateDict(), new Dictionary<string, string> { ["step"] = step.ToString(CultureInfo.InvariantCulture) });

    public void WriteVocabulary(Vocabulary vocabulary, int contextLength)
        => AtomicFile.WriteAllText(Vocabulary, JsonSerializer.Serialize(new VocabularyFile(new string([.. vocabulary.Characters]), contextLength)));

    public (Vocabulary Vocabulary, int ContextLength) ReadVocabulary()
    {
        if (!System.IO.File.Exists(Vocabulary)) throw new FileNotFoundException($"{Vocabulary} not found: the run was not trained on text data");
        var file = JsonSerializer.Deserialize<VocabularyFile>(System.IO.File.ReadAllText(Vocabulary))
            ?? throw new InvalidDataException($"{Vocabulary} is empty");
        return (new Vocabulary(file.Characters), file.ContextLength);
    }

    /// <summary>Writes <c>metrics.json</c>; a loss that became NaN or infinite is written as the string "NaN" or "Infinity".</summary>
    public void WriteMetrics(IReadOnlyDictionary<string, object> metrics)
        => AtomicFile.WriteAllText(Metrics, JsonSerializer.Serialize(metrics, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));

    private sealed record VocabularyFile(string Characters, int ContextLength);
}
