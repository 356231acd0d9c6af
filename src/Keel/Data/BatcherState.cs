using Keel.Tensors;

namespace Keel.Data;

/// <summary>Where a batch source stands, as plain data for checkpoints: restoring it continues the same batch sequence.</summary>
/// <param name="Generator">The random-number generator's state; null for a source that draws none.</param>
/// <param name="BatchesDrawn">Batches returned so far.</param>
/// <param name="Epoch">Passes started over the data (0 before the first batch; random batches have none).</param>
/// <param name="Position">Examples of the current pass already returned.</param>
/// <param name="EpochSeed">The seed of the current pass's shuffle.</param>
public sealed record BatcherState(GeneratorState? Generator, long BatchesDrawn, long Epoch, int Position, ulong EpochSeed);
