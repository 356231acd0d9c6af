using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Keel.Serialization;

/// <summary>The safetensors element types Keel reads, their sizes, and their conversion to float32.</summary>
internal static class SafeTensorsDType
{
    /// <summary>Every dtype the safetensors format defines (version 0.5).</summary>
    private static readonly HashSet<string> Known =
    [
        "BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0",
        "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64", "C64",
    ];

    /// <summary>The dtypes Keel converts to float32, with their sizes in bytes.</summary>
    private static readonly Dictionary<string, int> Sizes = new()
    {
        ["F32"] = 4, ["F64"] = 8, ["F16"] = 2, ["BF16"] = 2, ["I64"] = 8, ["I32"] = 4,
        ["I16"] = 2, ["I8"] = 1, ["U8"] = 1, ["BOOL"] = 1,
    };

    /// <summary>The size in bytes of one <paramref name="dtype"/> element, or an error naming the tensor and the dtype.</summary>
    public static int Size(string dtype, string tensor, string path)
    {
        if (Sizes.TryGetValue(dtype, out int size)) return size;
        string why = Known.Contains(dtype) ? "a dtype Keel does not convert to float32" : "not a safetensors dtype";
        throw new InvalidDataException(
            $"{path}: tensor '{tensor}' has dtype '{dtype}', {why} (supported: {string.Join(", ", Sizes.Keys)})");
    }

    /// <summary>Converts little-endian <paramref name="bytes"/> of <paramref name="dtype"/> into floats.</summary>
    /// <remarks>Integers beyond 2²⁴ in magnitude round to the nearest float32.</remarks>
    public static void ToFloats(string dtype, ReadOnlySpan<byte> bytes, Span<float> values)
    {
        if (dtype == "F32" && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes)[..values.Length].CopyTo(values);
            return;
        }
        Func<ReadOnlySpan<byte>, int, float> read = dtype switch
        {
            "F32" => (b, i) => BinaryPrimitives.ReadSingleLittleEndian(b[(4 * i)..]),
            "F64" => (b, i) => (float)BinaryPrimitives.ReadDoubleLittleEndian(b[(8 * i)..]),
            "F16" => (b, i) => (float)BinaryPrimitives.ReadHalfLittleEndian(b[(2 * i)..]),
            "BF16" => (b, i) => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(b[(2 * i)..]) << 16),
            "I64" => (b, i) => BinaryPrimitives.ReadInt64LittleEndian(b[(8 * i)..]),
            "I32" => (b, i) => BinaryPrimitives.ReadInt32LittleEndian(b[(4 * i)..]),
            "I16" => (b, i) => BinaryPrimitives.ReadInt16LittleEndian(b[(2 * i)..]),
            "I8" => (b, i) => (sbyte)b[i],
            "U8" => (b, i) => b[i],
            "BOOL" => (b, i) => b[i] != 0 ? 1f : 0f,
            _ => throw new ArgumentException($"dtype {dtype} is not converted", nameof(dtype)),
        };
        for (int i = 0; i < values.Length; i++) values[i] = read(bytes, i);
    }
}
