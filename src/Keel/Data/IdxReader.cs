using System.Buffers.Binary;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (plain or gzip), into float32 tensors.
/// </summary>
/// <remarks>
/// Layout (LeCun et al.): a magic number <c>00 00 TT DD</c> (TT the element type, DD the number of
/// dimensions), DD big-endian 32-bit sizes, then the elements big-endian in row-major order. Types:
/// <c>08</c> unsigned byte, <c>09</c> signed byte, <c>0B</c> int16, <c>0C</c> int32, <c>0D</c> float32,
/// <c>0E</c> float64. A bad magic number, a truncated file or bytes past the data are errors; the
/// data are read as they arrive, so a header that claims more than the file holds allocates no more
/// than the file's content before it is rejected.
/// </remarks>
public static class IdxReader
{
    /// <summary>The tensor stored in <paramref name="path"/>, in the file's shape.</summary>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX file.</exception>
    public static Tensor Read(string path)
    {
        using var stream = DataFile.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        ReadExactly(stream, magic, path, "the magic number");
        if (magic[0] != 0 || magic[1] != 0 || magic[3] == 0)
            throw new InvalidDataException($"{path} is not an IDX file: magic number {Convert.ToHexString(magic)} should read 0000TTDD (TT type, DD dimensions)");
        int elementSize = magic[2] switch
        {
            0x08 or 0x09 => 1,
            0x0B => 2,
            0x0C or 0x0D => 4,
            0x0E => 8,
            _ => throw new InvalidDataException($"{path}: unknown IDX element type 0x{magic[2]:X2}"),
        };
        var dims = new int[magic[3]];
        Span<byte> size = stackalloc byte[4];
        long count = 1;
        for (int d = 0; d < dims.Length; d++)
        {
            ReadExactly(stream, size, path, $"the size of dimension {d}");
            uint value = BinaryPrimitives.ReadUInt32BigEndian(size);
            count *= value;
            if (value > int.MaxValue || count > Array.MaxLength)
                throw new InvalidDataException($"{path}: dimension sizes up to {d} ({value}) claim more elements than a tensor holds");
            dims[d] = (int)value;
        }
        var bytes = ReadData(stream, count * elementSize, path);
        var tensor = Tensor.Pooled(new Shape(dims), clear: false);
        ToFloats(bytes, magic[2], tensor.Data);
        return tensor;
    }

    /// <summary>
    /// Images from an IDX file of shape <c>[N, rows, cols]</c>, as <c>[N, rows·cols]</c> when
    /// <paramref name="flatten"/> (else unchanged), divided by 255 when <paramref name="scale"/>
    /// (torchvision's <c>ToTensor</c> range [0, 1]; Keras' <c>load_data</c> leaves 0–255).
    /// </summary>
    public static Tensor ReadImages(string path, bool flatten = true, bool scale = true)
    {
        var images = Read(path);
        if (images.Rank != 3)
            throw new InvalidDataException($"{path} holds a tensor of shape {images.Shape}; images are [N, rows, cols]");
        if (scale) TensorPrimitives.Divide(images.Data, 255f, images.Data);
        if (!flatten) return images;
        var flat = Tensor.FromSpan(images.Data, [images.Shape[0], images.Shape[1] * images.Shape[2]]);
        images.Dispose();
        return flat;
    }

    /// <summary>Labels from an IDX file of shape <c>[N]</c>.</summary>
    public static Tensor ReadLabels(string path)
    {
        var labels = Read(path);
        return labels.Rank == 1 ? labels
            : throw new InvalidDataException($"{path} holds a tensor of shape {labels.Shape}; labels are [N]");
    }

    /// <summary>A dataset of images (see <see cref="ReadImages"/>) and their labels.</summary>
    /// <exception cref="InvalidDataException">The files hold different numbers of examples.</exception>
    public static Dataset Load(string imagesPath, string labelsPath, bool flatten = true, bool scale = true)
    {
        var images = ReadImages(imagesPath, flatten, scale);
        var labels = ReadLabels(labelsPath);
        if (images.Shape[0] != labels.Shape[0])
            throw new InvalidDataException($"{imagesPath} holds {images.Shape[0]} images but {labelsPath} holds {labels.Shape[0]} labels");
        return new Dataset(images, labels);
    }

    private static byte[] ReadData(Stream stream, long length, string path)
    {
        // Grows with the bytes actually read, so a lying header cannot make us allocate its claim.
        using var data = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (data.Length < length)
        {
            int read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, length - data.Length));
            if (read == 0)
                throw new InvalidDataException($"{path} is truncated: the header announces {length} data bytes but the file holds {data.Length}");
            data.Write(chunk, 0, read);
        }
        if (stream.Read(chunk, 0, 1) != 0)
            throw new InvalidDataException($"{path} holds bytes after the {length} data bytes its header announces");
        return data.ToArray();
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string path, string what)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
            throw new InvalidDataException($"{path} is truncated: it ends inside {what}");
    }

    private static void ToFloats(ReadOnlySpan<byte> bytes, byte type, Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = type switch
            {
                0x08 => bytes[i],
                0x09 => (sbyte)bytes[i],
                0x0B => BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * i)..]),
                0x0C => BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]),
                0x0D => BinaryPrimitives.ReadSingleBigEndian(bytes[(4 * i)..]),
                _ => (float)BinaryPrimitives.ReadDoubleBigEndian(bytes[(8 * i)..]),
            };
        }
    }
}
