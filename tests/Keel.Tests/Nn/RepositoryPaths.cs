namespace Keel.Tests.Nn;

/// <summary>Files of the repository that tests read (data, reference fixtures).</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Keel.slnx, found upwards from the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Keel.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no folder holding Keel.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>A fixture under <c>tests/reference/</c> read as "name v1 v2 …" lines.</summary>
    public static IReadOnlyDictionary<string, double[]> Fixture(string relativePath)
        => File.ReadLines(Path.Combine(Root(), "tests", "reference", relativePath))
               .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
               .ToDictionary(parts => parts[0], parts => parts[1..].Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
}
