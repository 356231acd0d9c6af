using System.Globalization;
using System.Text.Json.Nodes;

namespace Keel.Tuning.SearchSpace;

/// <summary>The range a parameter is drawn from (Optuna's <c>BaseDistribution</c>).</summary>
/// <remarks>
/// Every parameter has an internal value, a <see cref="double"/>: the number itself for
/// <see cref="FloatDistribution"/> and <see cref="IntDistribution"/>, the index of the choice for
/// <see cref="CategoricalDistribution"/>. Samplers and storages only see internal values.
/// </remarks>
public abstract record ParameterDistribution
{
    private protected ParameterDistribution()
    {
    }

    /// <summary>Whether <paramref name="internalValue"/> is a value this distribution can produce.</summary>
    public abstract bool Contains(double internalValue);

    /// <summary>The value the objective sees: a double, a long, or the chosen category's text.</summary>
    public abstract object ToExternal(double internalValue);

    /// <summary>The value as CSV and log text (invariant culture, round-trip for doubles).</summary>
    public string Format(double internalValue) => ToExternal(internalValue) switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        var o => o.ToString() ?? "",
    };

    /// <summary>The distribution as JSON, the form the storages keep.</summary>
    public abstract string ToJson();

    /// <summary>Reads a distribution written by <see cref="ToJson"/>.</summary>
    /// <exception cref="FormatException">The text is not a distribution.</exception>
    public static ParameterDistribution FromJson(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject
            ?? throw new FormatException($"Not a distribution: '{json}'.");
        string type = (string?)node["type"] ?? "";
        return type switch
        {
            "float" => new FloatDistribution((double)node["low"]!, (double)node["high"]!, (bool)node["log"]!, (double?)node["step"]),
            "int" => new IntDistribution((long)node["low"]!, (long)node["high"]!, (bool)node["log"]!, (long)node["step"]!),
            "categorical" => new CategoricalDistribution(node["choices"]!.AsArray().Select(c => (string)c!).ToArray()),
            _ => throw new FormatException($"Unknown distribution type '{type}' in '{json}'."),
        };
    }
}
