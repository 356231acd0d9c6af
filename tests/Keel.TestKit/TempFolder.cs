namespace Keel.TestKit;

/// <summary>A fresh temporary folder, deleted with everything in it on <see cref="Dispose"/>.</summary>
public sealed class TempFolder : IDisposable
{
    private int _files;

    /// <summary>Creates the folder under the system temporary path.</summary>
    public TempFolder() => Path = Directory.CreateTempSubdirectory("keel-test-").FullName;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path in the folder for <paramref name="name"/>.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="bytes"/> to a new file with the given extension and returns its path.</summary>
    public string Write(byte[] bytes, string extension = ".bin")
    {
        string path = File($"file{_files++}{extension}");
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> to a new file with the given extension and returns its path.</summary>
    public string Write(string text, string extension = ".txt") => Write(System.Text.Encoding.UTF8.GetBytes(text), extension);

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
