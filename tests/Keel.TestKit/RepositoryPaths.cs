namespace Keel.TestKit;

/// <summary>
/// Finds the repository root (the folder holding <c>Keel.slnx</c>) and the shared data folder that
/// sits beside the clone (<c>&lt;root&gt;/../shared/data</c>), from wherever the tests run.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    /// <exception cref="DirectoryNotFoundException">No parent of the test binaries holds <c>Keel.slnx</c>.</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared data folder, <c>&lt;root&gt;/../shared/data</c>.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>A path inside the repository, from '/'-separated parts.</summary>
    public static string InRepository(string relative) => Path.Combine(Root, relative);

    /// <summary>A file of the shared data folder, e.g. <c>SharedFile("names-split/train.txt")</c>; it must exist.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    public static string SharedFile(string relative)
    {
        string path = Path.Combine(SharedData, relative);
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"shared data file '{relative}' is missing; expected it at {path}", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Keel.slnx"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds Keel.slnx");
    }
}
