using Keel.Data;

namespace Keel.Cli.Building;

/// <summary>The data of a run: the split, and what a run folder keeps to use the model later.</summary>
/// <param name="Split">Train, validation and test datasets.</param>
/// <param name="Vocabulary">The character vocabulary, for text data.</param>
/// <param name="ContextLength">Characters of context, for text data.</param>
/// <param name="Standardizer">Feature standardization fitted on the training split, when asked for.</param>
internal sealed record RunData(DatasetSplit Split, Vocabulary? Vocabulary, int ContextLength, Standardizer? Standardizer);
