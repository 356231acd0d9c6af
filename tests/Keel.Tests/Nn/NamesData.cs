namespace Keel.Tests.Nn;

/// <summary>The names data set (makemore's names.txt) as context-window examples.</summary>
internal static class NamesData
{
    /// <summary>The names, read from <c>examples/names/names.txt</c> or the shared data folder beside the repository.</summary>
    public static string[] Load()
    {
        string root = RepositoryPaths.Root();
        string[] candidates = [Path.Combine(root, "examples", "names", "names.txt"), Path.Combine(root, "..", "shared", "data", "names.txt")];
        string path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"names.txt not found; looked in {string.Join(" and ", candidates)}");
        return File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
    }

    /// <summary>
    /// makemore's examples: for each name, every character and the end mark '.' (index 0) after
    /// the previous <paramref name="context"/> characters ('.'-padded), letters a–z as 1–26.
    /// </summary>
    public static (float[] Contexts, float[] Targets) Examples(IEnumerable<string> names, int context)
    {
        var xs = new List<float>();
        var ys = new List<float>();
        foreach (var name in names)
        {
            var window = new int[context];
            foreach (char ch in name + ".")
            {
                int index = ch == '.' ? 0 : ch - 'a' + 1;
                xs.AddRange(window.Select(i => (float)i));
                ys.Add(index);
                Array.Copy(window, 1, window, 0, context - 1);
                window[^1] = index;
            }
        }
        return ([.. xs], [.. ys]);
    }
}
