using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Keel.Tensors;

namespace Keel.Serialization;

/// <summary>
/// Reads and writes safetensors files (Hugging Face's format for weights, shared by PyTorch, JAX
/// and others): named tensors and string metadata, readable without running code.
/// </summary>
/// <remarks>
/// <code>
/// [8 bytes: N, little-endian u64] [N bytes: JSON header, space-padded] [data buffer]
/// header: {"__metadata__": {"k": "v"}, "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, …}
/// </code>
/// Offsets are relative to the data buffer; data are little-endian and row-major. Keel writes F32,
/// tensors ordered by name and packed without gaps, and pads the header with spaces to a multiple of
/// 8 bytes, as the reference implementation does. It reads F32, F64, F16, BF16, I64, I32, I16, I8,
/// U8 and BOOL, converted to float32. Reading validates like the reference: a header over 100 MB,
/// a header or offsets past the end of the file, invalid JSON, unknown dtypes, a byte range that
/// disagrees with shape × dtype size, and ranges that overlap, leave gaps or do not cover the
/// buffer are each an <see cref="InvalidDataException"/> naming the file (and the tensor); nothing
/// is allocated beyond what the file holds. Writes are atomic (<see cref="AtomicFile"/>).
/// </remarks>
public static class SafeTensorsFile
{
    /// <summary>The largest header accepted, as in the reference implementation (100 MB).</summary>
    public const int MaxHeaderSize = 100_000_000;

    private const int ChunkSize = 1 << 20;

    /// <summary>Writes <paramref name="tensors"/> (and <paramref name="metadata"/>) to <paramref name="path"/> atomically, as F32.</summary>
    /// <exception cref="ArgumentException">A tensor is named <c>__metadata__</c>.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.ContainsKey(SafeTensorsHeader.MetadataKey))
            throw new ArgumentException($"'{SafeTensorsHeader.MetadataKey}' is reserved for the metadata and cannot name a tensor", nameof(tensors));
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = Header(ordered, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var (_, tensor) in ordered) WriteData(stream, tensor.Data);
        });
    }

    /// <summary>Reads every tensor and the metadata of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a well-formed safetensors file.</exception>
    public static SafeTensorsContent Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"safetensors file '{path}' does not exist", path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        long fileLength = file.Length;
        if (fileLength < 8)
            throw SafeTensorsHeader.Error(path, $"the file is truncated: {fileLength} bytes, fewer than the 8 that give the header length");
        Span<byte> prefix = stackalloc byte[8];
        file.ReadExactly(prefix);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderSize)
            throw SafeTensorsHeader.Error(path, $"the header claims {headerLength} bytes, more than the {MaxHeaderSize}-byte limit");
        if (headerLength > (ulong)(fileLength - 8))
            throw SafeTensorsHeader.Error(path, $"the header length {headerLength} runs past the end of the file ({fileLength} bytes)");
        var json = new byte[headerLength];
        file.ReadExactly(json);
        long dataStart = 8 + (long)headerLength;
        var (entries, metadata) = SafeTensorsHeader.Parse(json, fileLength - dataStart, path);

        var tensors = new Dictionary<string, Tensor>();
        var chunk = new byte[Math.Min(ChunkSize, Math.Max(8, fileLength - dataStart))];
        foreach (var entry in entries)
        {
            var tensor = Tensor.Pooled(new Shape(entry.Shape), clear: false);
            file.Position = dataStart + entry.Begin;
            ReadData(file, entry, chunk, tensor.Data);
            tensors[entry.Name] = tensor;
        }
        return new SafeTensorsContent(tensors, metadata);
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(SafeTensorsHeader.MetadataKey);
                foreach (var (key, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal)) json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape.Dims) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += 4L * tensor.Size);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        while (buffer.Length % 8 != 0) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    private static void WriteData(Stream stream, ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        Span<byte> bytes = stackalloc byte[4];
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
            stream.Write(bytes);
        }
    }

    private static void ReadData(FileStream file, SafeTensorsEntry entry, byte[] chunk, Span<float> values)
    {
        int elementSize = entry.Count == 0 ? 1 : (int)((entry.End - entry.Begin) / entry.Count);
        int perChunk = chunk.Length / elementSize;
        for (int done = 0; done < values.Length; done += perChunk)
        {
            int n = Math.Min(perChunk, values.Length - done);
            var bytes = chunk.AsSpan(0, n * elementSize);
            file.ReadExactly(bytes);
            SafeTensorsDType.ToFloats(entry.DType, bytes, values.Slice(done, n));
        }
    }
}
