using System.Buffers.Binary;
using System.Text;
using Keel.Serialization;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Serialization;

public sealed class SafeTensorsFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A file by hand: the 8-byte little-endian header length (or <paramref name="claimedLength"/>), the header, the data.</summary>
    internal static byte[] Build(string header, byte[] data, ulong? claimedLength = null)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, claimedLength ?? (ulong)json.Length);
        json.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + json.Length);
        return bytes;
    }

    private static byte[] Floats(params float[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), values[i]);
        return bytes;
    }

    private InvalidDataException Rejected(byte[] file)
    {
        string path = _folder.Write(file, ".safetensors");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Read(path));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 2_000_000, "rejecting a small file allocated megabytes");
        Assert.Contains(path, error.Message);
        return error;
    }

    [Fact]
    public void Tensors_and_metadata_round_trip_exactly()
    {
        string path = _folder.File("model.safetensors");
        var generator = new Generator(4);
        var tensors = new Dictionary<string, Tensor>
        {
            ["layers.0.weight"] = Tensor.Normal([30, 200], generator),
            ["layers.1.running_var"] = Tensor.FromArray([float.Epsilon, -0f, float.MaxValue]),
            ["step"] = Tensor.Scalar(12345f),
            ["empty"] = Tensor.Zeros([0, 4]),
        };
        SafeTensorsFile.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt", ["note"] = "ünïcode \"quoted\"" });
        var read = SafeTensorsFile.Read(path);
        Assert.Equal(tensors.Keys.Order(), read.Tensors.Keys.Order());
        foreach (var (name, tensor) in tensors)
        {
            Assert.Equal(tensor.Shape, read.Tensors[name].Shape);
            Assert.Equal(tensor.ToArray().Select(BitConverter.SingleToInt32Bits), read.Tensors[name].ToArray().Select(BitConverter.SingleToInt32Bits));
        }
        Assert.Equal("ünïcode \"quoted\"", read.Metadata["note"]);
        Assert.Equal(2, read.Metadata.Count);
    }

    [Fact]
    public void The_layout_is_the_reference_one_with_a_space_padded_header_and_packed_sorted_data()
    {
        string path = _folder.File("a.safetensors");
        SafeTensorsFile.Write(path, new Dictionary<string, Tensor> { ["b"] = Tensor.FromArray([1f, 2f]), ["a"] = Tensor.FromArray([3f]) });
        var bytes = File.ReadAllBytes(path);
        int n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + n) % 8);
        string header = Encoding.UTF8.GetString(bytes, 8, n);
        Assert.Equal(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
            header.TrimEnd(' '));
        Assert.Equal(Floats(3f, 1f, 2f), bytes[(8 + n)..]);
    }

    [Fact]
    public void Other_dtypes_are_converted_to_float32()
    {
        var data = new List<byte>();
        data.AddRange(BitConverter.GetBytes(2.5)); // F64
        data.AddRange(BitConverter.GetBytes((Half)(-1.5f))); // F16
        data.AddRange(BitConverter.GetBytes((ushort)0x3FC0)); // BF16 1.5
        data.AddRange(BitConverter.GetBytes(-7L)); // I64
        data.AddRange(BitConverter.GetBytes(9)); // I32
        data.AddRange([200, 0xFF]); // U8 200, I8 -1
        string header = """
            {"d":{"dtype":"F64","shape":[],"data_offsets":[0,8]},"h":{"dtype":"F16","shape":[1],"data_offsets":[8,10]},
             "bf":{"dtype":"BF16","shape":[1],"data_offsets":[10,12]},"l":{"dtype":"I64","shape":[1],"data_offsets":[12,20]},
             "i":{"dtype":"I32","shape":[1,1],"data_offsets":[20,24]},"u":{"dtype":"U8","shape":[1],"data_offsets":[24,25]},
             "s":{"dtype":"I8","shape":[1],"data_offsets":[25,26]},"__metadata__":{"k":"v"}}
            """;
        var read = SafeTensorsFile.Read(_folder.Write(Build(header, [.. data]), ".safetensors"));
        float[] Value(string name) => read.Tensors[name].ToArray();
        Assert.Equal([2.5f, -1.5f, 1.5f, -7f, 9f, 200f, -1f], new[] { "d", "h", "bf", "l", "i", "u", "s" }.Select(n => Value(n)[0]));
        Assert.Equal([1, 1], read.Tensors["i"].Shape.ToArray());
        Assert.Equal(0, read.Tensors["d"].Rank);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        Assert.Contains("truncated", Rejected([1, 0, 0]).Message);
        var whole = Build("""{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", Floats(1, 2, 3, 4));
        Assert.Contains("'w'", Rejected(whole[..^3]).Message);
    }

    [Fact]
    public void A_header_length_past_the_end_of_the_file_is_rejected()
        => Assert.Contains("runs past the end of the file", Rejected(Build("{}", [], claimedLength: 4096)).Message);

    [Fact]
    public void A_header_claiming_gigabytes_is_rejected_without_allocating_them()
    {
        Assert.Contains("100000000-byte limit", Rejected(Build("{}", [], claimedLength: 5_000_000_000)).Message);
        Assert.Contains("limit", Rejected(Build("{}", [], claimedLength: ulong.MaxValue)).Message);
        Assert.Contains("runs past", Rejected(Build("{}", [], claimedLength: 99_000_000)).Message);
    }

    [Fact]
    public void Invalid_json_is_rejected()
    {
        Assert.Contains("not valid JSON", Rejected(Build("{\"w\": [", [])).Message);
        Assert.Contains("not a JSON object", Rejected(Build("[1, 2]  ", [])).Message);
        Assert.Contains("no dtype", Rejected(Build("""{"w":{"shape":[1],"data_offsets":[0,4]}}""", Floats(1))).Message);
    }

    [Fact]
    public void Offsets_out_of_range_are_rejected_naming_the_tensor()
    {
        var error = Rejected(Build("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", Floats(1, 2)));
        Assert.Contains("tensor 'w'", error.Message);
        Assert.Contains("past the end of the 8-byte data buffer", error.Message);
        Assert.Contains("end before they begin", Rejected(Build("""{"w":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}}""", Floats(1))).Message);
        Assert.Contains("non-negative integers", Rejected(Build("""{"w":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}}""", Floats(1))).Message);
    }

    [Fact]
    public void Overlapping_offsets_gaps_and_uncovered_bytes_are_rejected()
    {
        var overlap = Rejected(Build("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", Floats(1, 2, 3)));
        Assert.Contains("overlaps tensor 'a'", overlap.Message);
        var gap = Rejected(Build("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", Floats(1, 2, 3)));
        Assert.Contains("gap", gap.Message);
        var leftover = Rejected(Build("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", Floats(1, 2)));
        Assert.Contains("cover 4 bytes but the data buffer after the header holds 8", leftover.Message);
    }

    [Fact]
    public void A_shape_whose_size_disagrees_with_its_byte_range_is_rejected()
    {
        var error = Rejected(Build("""{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""", new byte[20]));
        Assert.Contains("tensor 'w' of shape [2, 3] and dtype F32 needs 24 bytes", error.Message);
        var huge = Rejected(Build("""{"w":{"dtype":"F32","shape":[1000000,1000000,1000000],"data_offsets":[0,4]}}""", Floats(1)));
        Assert.Contains("more elements than a tensor holds", huge.Message);
    }

    [Fact]
    public void Unknown_and_unsupported_dtypes_are_rejected_naming_the_tensor_and_dtype()
    {
        var unknown = Rejected(Build("""{"w":{"dtype":"F33","shape":[1],"data_offsets":[0,4]}}""", Floats(1)));
        Assert.Contains("tensor 'w' has dtype 'F33', not a safetensors dtype", unknown.Message);
        var unsupported = Rejected(Build("""{"q":{"dtype":"F8_E4M3","shape":[4],"data_offsets":[0,4]}}""", Floats(1)));
        Assert.Contains("tensor 'q' has dtype 'F8_E4M3', a dtype Keel does not convert", unsupported.Message);
    }

    [Fact]
    public void Duplicate_names_and_non_string_metadata_are_rejected()
    {
        var duplicate = Rejected(Build("""{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", Floats(1, 2)));
        Assert.Contains("names 'w' twice", duplicate.Message);
        Assert.Contains("'step' must be a string", Rejected(Build("""{"__metadata__":{"step":3}}""", [])).Message);
    }

    [Fact]
    public void Writing_a_tensor_named_like_the_metadata_is_an_error_and_a_missing_file_is_named()
    {
        string path = _folder.File("x.safetensors");
        Assert.Throws<ArgumentException>(() => SafeTensorsFile.Write(path, new Dictionary<string, Tensor> { ["__metadata__"] = Tensor.Zeros([1]) }));
        Assert.False(File.Exists(path));
        Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => SafeTensorsFile.Read(path)).Message);
    }
}
