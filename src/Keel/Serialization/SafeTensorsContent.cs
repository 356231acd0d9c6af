using Keel.Tensors;

namespace Keel.Serialization;

/// <summary>What a safetensors file holds: named float32 tensors and a map of string metadata.</summary>
/// <param name="Tensors">The tensors by name, in the order of their bytes in the file.</param>
/// <param name="Metadata">The <c>__metadata__</c> entries (empty when the file has none).</param>
public sealed record SafeTensorsContent(IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, string> Metadata);
