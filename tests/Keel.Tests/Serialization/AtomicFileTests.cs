using Keel.Serialization;
using Keel.TestKit;

namespace Keel.Tests.Serialization;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_write_replaces_the_file_and_leaves_nothing_else_behind()
    {
        string path = _folder.File("weights.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void A_failing_write_keeps_the_old_file_intact_and_removes_its_temporary_file()
    {
        string path = _folder.File("checkpoint.bin");
        AtomicFile.WriteAllText(path, "old content");
        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("disk full");
        }));
        Assert.Equal("disk full", error.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Missing_folders_are_created()
    {
        string path = Path.Combine(_folder.Path, "run", "checkpoints", "step-10.bin");
        AtomicFile.WriteAllText(path, "x");
        Assert.Equal("x", File.ReadAllText(path));
    }
}
