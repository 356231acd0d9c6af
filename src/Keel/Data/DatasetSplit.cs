namespace Keel.Data;

/// <summary>The three parts of a dataset: fit on <paramref name="Train"/>, choose settings on <paramref name="Validation"/>, report on <paramref name="Test"/>.</summary>
/// <param name="Train">Examples the model learns from (and the only ones a <see cref="Standardizer"/> is fitted on).</param>
/// <param name="Validation">Examples for early stopping and tuning.</param>
/// <param name="Test">Examples held out until the end.</param>
public sealed record DatasetSplit(Dataset Train, Dataset Validation, Dataset Test);
