using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Keel.Serialization;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Serialization;

/// <summary>Byte-level agreement with the reference implementation's own tests (huggingface/safetensors, bindings/python/tests/test_simple.py).</summary>
public sealed class SafeTensorsReferenceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_2_by_2_tensor_is_written_byte_for_byte_as_the_reference_writes_it()
    {
        // Reference: save({"test": np.zeros((2, 2), dtype=np.int32)}) ==
        //   b'@\x00\x00\x00\x00\x00\x00\x00{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}    ' + 16 zero bytes.
        // Keel writes F32; the JSON has the same length, so the padding and offsets must agree.
        string path = _folder.File("test.safetensors");
        SafeTensorsFile.Write(path, new Dictionary<string, Tensor> { ["test"] = Tensor.Zeros([2, 2]) });
        var expected = new List<byte> { (byte)'@', 0, 0, 0, 0, 0, 0, 0 };
        expected.AddRange(Encoding.ASCII.GetBytes("{\"test\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}    "));
        expected.AddRange(new byte[16]);
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void The_reference_metadata_example_reads_with_its_odd_padding()
    {
        // Reference test_deserialization_with_metadata: a 102-byte header ('f') padded with 7 spaces.
        var bytes = new List<byte> { (byte)'f', 0, 0, 0, 0, 0, 0, 0 };
        bytes.AddRange(Encoding.ASCII.GetBytes(
            "{\"__metadata__\":{\"framework\":\"pt\"},\"test1\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}       "));
        bytes.AddRange([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
        var read = SafeTensorsFile.Read(_folder.Write([.. bytes], ".safetensors"));
        Assert.Equal("pt", read.Metadata["framework"]);
        Assert.Equal([2, 2], read.Tensors["test1"].Shape.ToArray());
        Assert.Equal([1f, 2f, 3f, 4f], read.Tensors["test1"].ToArray());
    }

    [Fact]
    public void Any_set_of_tensors_round_trips_bit_for_bit()
    {
        var shape = Gen.Choose(0, 3).SelectMany(rank => Gen.ArrayOf(Gen.Choose(0, 4), rank));
        var shapes = Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(shape, count));
        Prop.ForAll(Arb.From(shapes), (int[][] dims) =>
        {
            var generator = new Generator((ulong)dims.Length + 1);
            var tensors = dims.Select((d, i) => (Name: $"t{i}", Tensor: Tensor.Normal(new Shape(d), generator)))
                .ToDictionary(p => p.Name, p => p.Tensor);
            string path = _folder.File("property.safetensors");
            SafeTensorsFile.Write(path, tensors);
            var read = SafeTensorsFile.Read(path).Tensors;
            return read.Count == tensors.Count && tensors.All(p =>
                read[p.Key].Shape == p.Value.Shape && read[p.Key].ToArray().SequenceEqual(p.Value.ToArray()));
        }).QuickCheckThrowOnFailure();
    }
}
