using Keel.Serialization;

namespace Keel.Training.Callbacks;

/// <summary>
/// Writes the whole history as CSV after every evaluation (atomically, so the file is always
/// whole), like Keras' <c>CSVLogger</c>; the format is <see cref="TrainingHistory.ToCsv"/>.
/// </summary>
public sealed class CsvLogger(string path) : ITrainingCallback
{
    /// <summary>The file written.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public void OnEvaluation(TrainingContext context, HistoryRow row) => AtomicFile.WriteAllText(Path, context.History.ToCsv());
}
