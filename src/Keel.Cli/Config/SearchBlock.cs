using System.Globalization;
using Keel.Tuning;
using Keel.Tuning.SearchSpace;

namespace Keel.Cli.Config;

/// <summary>
/// The <c>search:</c> block of a config: config key paths mapped to the distributions
/// <c>keel tune</c> draws them from. <c>keel train</c> ignores it and trains the config's own values.
/// </summary>
/// <remarks>
/// <code>
/// search:
///   optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, log: true}}    # also step; log and step exclude each other
///   model.2.linear.out: {int: {low: 64, high: 512, step: 32}}       # numbers index lists: the third layer; also log
///   train.batch_size: {categorical: [32, 64, 128]}                  # single values only
/// </code>
/// Each key is a dotted path into the config; the parameter takes the key as its name. Everything
/// but the last part must already exist in the config (so a misspelt path is an error, not a new
/// key), and the value the config gives there is what <c>keel train</c> uses.
/// </remarks>
internal sealed class SearchBlock
{
    private SearchBlock(IReadOnlyList<(string Key, ParameterDistribution Distribution)> parameters) => Parameters = parameters;

    /// <summary>The parameters in file order.</summary>
    public IReadOnlyList<(string Key, ParameterDistribution Distribution)> Parameters { get; }

    /// <summary>The search space by parameter name (for the grid sampler).</summary>
    public IReadOnlyDictionary<string, ParameterDistribution> Space => Parameters.ToDictionary(p => p.Key, p => p.Distribution);

    /// <summary>Reads <c>root.search</c>; every mistake names its key.</summary>
    public static SearchBlock Parse(ConfigNode root)
    {
        var search = root["search"];
        if (search.IsNull || !search.IsMapping || search.Keys.Count == 0)
            throw search.Error("keel tune needs a search block mapping config keys to distributions, such as optimizer.sgd.lr: {float: {low: 0.01, high: 0.5, log: true}}");
        var parameters = new List<(string, ParameterDistribution)>();
        foreach (var key in search.Keys)
        {
            var entry = search[key];
            CheckPath(root, key, entry);
            var (kind, body) = entry.Tagged();
            try
            {
                parameters.Add((key, kind switch
                {
                    "float" => new FloatDistribution(Number(body, "low"), Number(body, "high"), body.Bool("log", false), body.Has("step") ? Number(body, "step") : null),
                    "int" => new IntDistribution(body.Int("low"), body.Int("high"), body.Bool("log", false), body.Int("step", 1)),
                    "categorical" => new CategoricalDistribution([.. body.Items().Select(Choice)]),
                    _ => throw entry.Error($"unknown distribution '{kind}' (float, int or categorical)"),
                }));
            }
            catch (ArgumentException e)
            {
                throw entry.Error(e);
            }
            if (body.IsMapping) body.RejectUnknownKeys();
        }
        return new SearchBlock(parameters);
    }

    /// <summary>Draws every parameter for <paramref name="trial"/> and writes the values into <paramref name="config"/>.</summary>
    public IReadOnlyDictionary<string, string> Apply(Trial trial, ConfigNode config)
    {
        var values = new Dictionary<string, string>();
        foreach (var (key, distribution) in Parameters)
        {
            string value = distribution switch
            {
                FloatDistribution f => trial.SuggestFloat(key, f.Low, f.High, f.Step, f.Log).ToString("R", CultureInfo.InvariantCulture),
                IntDistribution i => trial.SuggestInt(key, (int)i.Low, (int)i.High, (int)i.Step, i.Log).ToString(CultureInfo.InvariantCulture), // Parse read them as ints
                CategoricalDistribution c => trial.SuggestCategorical(key, c.Choices),
                _ => throw new InvalidOperationException($"unexpected distribution {distribution}"),
            };
            config.Set(key, value);
            values[key] = value;
        }
        return values;
    }

    private static void CheckPath(ConfigNode root, string key, ConfigNode entry)
    {
        int last = key.LastIndexOf('.');
        if (key.Split('.').Any(part => part.Length == 0)) throw entry.Error("a key path has parts separated by single dots, such as optimizer.sgd.lr");
        if (last < 0 || root.Find(key[..last]) is { } parent && (parent.IsMapping || parent.IsSequence)) return;
        throw entry.Error($"the config has no '{key[..last]}' to set '{key[(last + 1)..]}' in (write the section with its default value first)");
    }

    /// <summary>A required number, in double precision (a float would turn 0.01 into 0.009999999776).</summary>
    private static double Number(ConfigNode body, string key)
    {
        body.Float(key);
        return double.Parse(body[key].AsString(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string Choice(ConfigNode item) => item.IsMapping || item.IsSequence
        ? throw item.Error("a categorical choice must be a single value")
        : item.AsString();
}
