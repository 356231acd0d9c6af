using Keel.Cli.Config;
using Keel.Data;

namespace Keel.Cli.Building;

/// <summary>
/// Builds the <c>data:</c> section: <c>text: FILE</c> with <c>context</c>, <c>csv: FILE</c> with
/// <c>target</c>, or <c>idx: {images, labels}</c>; then <c>split</c> (fractions, seeded shuffle
/// unless <c>shuffle: false</c>) and <c>standardize</c> (fitted on the training split only).
/// Relative paths are relative to the config file's folder.
/// </summary>
internal static class DataBuilder
{
    public static RunData Build(ConfigNode data, string baseDirectory, ulong seed)
    {
        if (data.IsNull) throw data.Error("a data section is required (text, csv or idx)");
        var split = data["split"];
        double train = split.Float("train", 0.8f), validation = split.Float("validation", 0.1f), test = split.Float("test", 0.1f);
        bool shuffle = split.Bool("shuffle", true);
        split.RejectUnknownKeys();

        var sources = new[] { "text", "csv", "idx" }.Where(data.Has).ToList();
        if (sources.Count != 1) throw data.Error($"give exactly one of text, csv or idx (found {(sources.Count == 0 ? "none" : string.Join(", ", sources))})");
        RunData result;
        try
        {
            result = sources[0] switch
            {
                "text" => Text(data, baseDirectory, seed, train, validation, test, shuffle),
                "csv" => Tabular(data, CsvDataset.Load(FilePath(data, "csv", baseDirectory), data.String("target", null)), seed, train, validation, test, shuffle),
                _ => Tabular(data, Idx(data["idx"], baseDirectory), seed, train, validation, test, shuffle),
            };
        }
        catch (ArgumentException e)
        {
            throw data.Error(e);
        }
        data.RejectUnknownKeys();
        return result;
    }

    private static RunData Text(ConfigNode data, string baseDirectory, ulong seed, double train, double validation, double test, bool shuffle)
    {
        var path = FilePath(data, "text", baseDirectory);
        int context = data.Int("context", 3);
        if (context < 1) throw data["context"].Error($"must be at least 1, got {context}");
        var characters = CharDataset.FromLines(File.ReadLines(path), context);
        return new RunData(characters.Split(train, validation, test, seed, shuffle), characters.Vocabulary, context, null);
    }

    private static RunData Tabular(ConfigNode data, Dataset dataset, ulong seed, double train, double validation, double test, bool shuffle)
    {
        var split = dataset.Split(train, validation, test, seed, shuffle);
        if (!data.Bool("standardize", false)) return new RunData(split, null, 0, null);
        var standardizer = Standardizer.Fit(split.Train);
        return new RunData(standardizer.Transform(split), null, 0, standardizer);
    }

    private static Dataset Idx(ConfigNode idx, string baseDirectory)
    {
        var dataset = IdxReader.Load(FilePath(idx, "images", baseDirectory), FilePath(idx, "labels", baseDirectory), flatten: idx.Bool("flatten", true), scale: idx.Bool("scale", true));
        idx.RejectUnknownKeys();
        return dataset;
    }

    private static string FilePath(ConfigNode node, string key, string baseDirectory)
    {
        var given = node.String(key);
        var path = Path.GetFullPath(Path.Combine(baseDirectory, given));
        if (!File.Exists(path)) throw node[key].Error($"file not found: {path}");
        // The resolved config names the file absolutely, so a run folder works from anywhere.
        node.Set(key, path);
        return path;
    }
}
