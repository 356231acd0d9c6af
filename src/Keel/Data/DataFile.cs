using System.IO.Compression;

namespace Keel.Data;

/// <summary>Opens data files for reading, decompressing gzip files (by their magic bytes <c>1f 8b</c>).</summary>
internal static class DataFile
{
    /// <summary>A readable stream of <paramref name="path"/>'s content, gunzipped when the file is gzip.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Stream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"data file '{path}' does not exist", path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return gzip ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
    }

    /// <summary>The lines of <paramref name="path"/> (gzip or plain UTF-8 text).</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(OpenRead(path));
        while (reader.ReadLine() is { } line) yield return line;
    }
}
