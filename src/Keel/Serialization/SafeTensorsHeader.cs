using System.Text.Json;

namespace Keel.Serialization;

/// <summary>One tensor's entry in a safetensors header; offsets are relative to the data buffer.</summary>
internal sealed record SafeTensorsEntry(string Name, string DType, int[] Shape, int Count, long Begin, long End);

/// <summary>
/// Parses and validates a safetensors JSON header the way the reference implementation does
/// (<c>safetensors::SafeTensors::read_metadata</c> and <c>validate</c>): every entry names a known
/// dtype, a shape and <c>data_offsets [begin, end]</c>; <c>end − begin</c> equals the shape's element
/// count times the dtype's size; sorted by offset, the byte ranges tile the data buffer exactly, with
/// no gap, overlap or byte left over. Names must be unique (the reference keeps the last of a
/// duplicate silently; Keel rejects it).
/// </summary>
internal static class SafeTensorsHeader
{
    public const string MetadataKey = "__metadata__";

    public static (List<SafeTensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(byte[] json, long bufferLength, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw Error(path, $"the header is not valid JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Error(path, "the header is not a JSON object");
            var entries = new List<SafeTensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var names = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!names.Add(property.Name)) throw Error(path, $"the header names '{property.Name}' twice");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, path);
                else entries.Add(ReadEntry(property.Name, property.Value, path));
            }
            CheckTiling(entries, bufferLength, path);
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Error(path, $"{MetadataKey} must be an object of strings");
        foreach (var item in value.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
                throw Error(path, $"{MetadataKey} entry '{item.Name}' must be a string, got {item.Value.ValueKind}");
            metadata[item.Name] = item.Value.GetString()!;
        }
    }

    private static SafeTensorsEntry ReadEntry(string name, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object) throw Error(path, $"tensor '{name}' must be an object with dtype, shape and data_offsets");
        if (!value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw Error(path, $"tensor '{name}' has no dtype string");
        string dtype = dtypeElement.GetString()!;
        int elementSize = SafeTensorsDType.Size(dtype, name, path);
        var shape = ReadIntegers(value, "shape", name, path);
        var offsets = ReadIntegers(value, "data_offsets", name, path);
        if (offsets.Length != 2) throw Error(path, $"tensor '{name}' needs data_offsets [begin, end], got {offsets.Length} numbers");
        if (offsets[0] > offsets[1]) throw Error(path, $"tensor '{name}' has data_offsets [{offsets[0]}, {offsets[1]}] that end before they begin");

        ulong count = 1;
        foreach (var d in shape)
        {
            if (d > int.MaxValue || (d != 0 && count > (ulong)Array.MaxLength / d))
                throw Error(path, $"tensor '{name}' has shape {Format(shape)}, more elements than a tensor holds");
            count *= d;
        }
        ulong bytes = count * (ulong)elementSize;
        if (bytes != offsets[1] - offsets[0])
            throw Error(path, $"tensor '{name}' of shape {Format(shape)} and dtype {dtype} needs {bytes} bytes but its data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
        return new SafeTensorsEntry(name, dtype, shape.Select(d => (int)d).ToArray(), (int)count, (long)offsets[0], (long)offsets[1]);
    }

    private static void CheckTiling(List<SafeTensorsEntry> entries, long bufferLength, string path)
    {
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long expected = 0;
        string? previous = null;
        foreach (var entry in entries)
        {
            if (entry.End > bufferLength)
                throw Error(path, $"tensor '{entry.Name}' has data_offsets [{entry.Begin}, {entry.End}] past the end of the {bufferLength}-byte data buffer");
            if (entry.Begin < expected)
                throw Error(path, $"tensor '{entry.Name}' at bytes [{entry.Begin}, {entry.End}] overlaps tensor '{previous}', which ends at {expected}");
            if (entry.Begin > expected)
                throw Error(path, $"tensor '{entry.Name}' begins at byte {entry.Begin}, leaving a gap after byte {expected}{(previous is null ? "" : $" (end of '{previous}')")}");
            expected = entry.End;
            previous = entry.Name;
        }
        if (expected != bufferLength)
            throw Error(path, $"the tensors cover {expected} bytes but the data buffer after the header holds {bufferLength}");
    }

    private static ulong[] ReadIntegers(JsonElement value, string key, string name, string path)
    {
        if (!value.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array)
            throw Error(path, $"tensor '{name}' has no {key} array");
        var result = new ulong[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetUInt64(out result[i++]))
                throw Error(path, $"tensor '{name}' has {key} {array.GetRawText()}; they must be non-negative integers");
        }
        return result;
    }

    private static string Format(ulong[] shape) => $"[{string.Join(", ", shape)}]";

    internal static InvalidDataException Error(string path, string message) => new($"{path}: {message}");
}
