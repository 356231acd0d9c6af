using System.Buffers.Binary;
using System.IO.Compression;

namespace Keel.Tests.Diagnostics;

/// <summary>
/// A minimal PNG reader for screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium writes).
/// Concatenates the IDAT chunks, inflates them (zlib) and undoes the five scanline filters of the
/// PNG specification (W3C, section 9).
/// </summary>
internal static class PngPixels
{
    public static (int Width, int Height, uint[] Pixels) Read(byte[] png)
    {
        if (png.Length < 8 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') throw new InvalidDataException("not a PNG file");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException($"unsupported PNG: bit depth {data[8]}, interlace {data[12]}");
                channels = data[9] switch { 2 => 3, 6 => 4, var c => throw new InvalidDataException($"unsupported PNG colour type {c}") };
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        int stride = width * channels;
        var previous = new byte[stride];
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
        {
            int offset = y * (stride + 1);
            byte filter = raw[offset];
            var line = raw.AsSpan(offset + 1, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} on row {y}"),
                });
            }
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = (uint)(line[x * channels] << 16 | line[x * channels + 1] << 8 | line[x * channels + 2]);
            line.CopyTo(previous);
        }
        return (width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
