using Keel.Cli.Config;
using Keel.Data;

namespace Keel.Cli.Building;

/// <summary>
/// Builds the <c>data:</c> section: <c>text: FILE</c> with <c>context</c>, <c>csv: FILE</c> with
/// <c>target</c>, or <c>idx: {images, labels}</c> (with <c>test_images</c> and <c>test_labels</c>
/// when the data come with an official test set); then <c>split</c> (fractions, seeded shuffle
/// unless <c>shuffle: false</c>) and <c>standardize</c> (fitted on the training split only).
/// With official test files the split divides the training files into train and validation only,
/// so <c>split.test</c> must be 0, and the test split is the test files, unshuffled.
/// Relative paths are relative to the config file's folder.
/// </summary>
internal static class DataBuilder
{
    public static RunData Build(ConfigNode data, string baseDirectory, ulong seed)
    {
        if (data.IsNull) throw data.Error("a data section is required (text, csv or idx)");
        var split = data["split"];
        double train = split.Double("train", 0.8), validation = split.Double("validation", 0.1), test = split.Double("test", 0.1);
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
                _ => IdxData(data, baseDirectory, seed, train, validation, test, shuffle),
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
        => Standardized(data, dataset.Split(train, validation, test, seed, shuffle));

    private static RunData IdxData(ConfigNode data, string baseDirectory, ulong seed, double train, double validation, double test, bool shuffle)
    {
        var idx = data["idx"];
        var dataset = Idx(idx, "images", "labels", baseDirectory);
        bool hasImages = idx.Has("test_images"), hasLabels = idx.Has("test_labels");
        if (hasImages != hasLabels)
            throw idx.Error($"give test_images and test_labels together (found only {(hasImages ? "test_images" : "test_labels")})");
        if (!hasImages)
        {
            idx.RejectUnknownKeys();
            return Tabular(data, dataset, seed, train, validation, test, shuffle);
        }
        if (test != 0)
            throw data["split"]["test"].Error($"must be 0 when idx.test_images gives the test split, got {test}");
        var officialTest = Idx(idx, "test_images", "test_labels", baseDirectory);
        if (officialTest.ExampleShape != dataset.ExampleShape)
            throw idx["test_images"].Error($"test examples of shape {officialTest.ExampleShape} differ from the training examples' {dataset.ExampleShape}");
        idx.RejectUnknownKeys();
        return Standardized(data, dataset.Split(train, validation, 0, seed, shuffle) with { Test = officialTest });
    }

    private static RunData Standardized(ConfigNode data, DatasetSplit split)
    {
        if (!data.Bool("standardize", false)) return new RunData(split, null, 0, null);
        var standardizer = Standardizer.Fit(split.Train);
        return new RunData(standardizer.Transform(split), null, 0, standardizer);
    }

    private static Dataset Idx(ConfigNode idx, string imagesKey, string labelsKey, string baseDirectory)
        => IdxReader.Load(FilePath(idx, imagesKey, baseDirectory), FilePath(idx, labelsKey, baseDirectory), flatten: idx.Bool("flatten", true), scale: idx.Bool("scale", true));

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
