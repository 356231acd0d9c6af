using System.Text.Json.Nodes;

namespace Keel.Tuning.SearchSpace;

/// <summary>A parameter that takes one of a list of choices (Optuna's <c>CategoricalDistribution</c>).</summary>
/// <remarks>
/// The internal value is the index of the choice. Choices are kept as their invariant text, which is
/// what the storages persist and the CSV export shows; <see cref="Trial.SuggestCategorical{T}"/>
/// returns the caller's own object for the chosen index.
/// </remarks>
public sealed record CategoricalDistribution : ParameterDistribution
{
    /// <summary>Creates the distribution over <paramref name="choices"/>.</summary>
    /// <exception cref="ArgumentException">There are no choices, or two have the same text.</exception>
    public CategoricalDistribution(IReadOnlyList<string> choices)
    {
        if (choices.Count == 0)
            throw new ArgumentException("A categorical parameter needs at least one choice.");
        if (choices.Distinct().Count() != choices.Count)
            throw new ArgumentException($"Categorical choices must be distinct, got [{string.Join(", ", choices)}].");
        Choices = [.. choices];
    }

    /// <summary>The choices' texts, in order.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <inheritdoc/>
    public override bool Contains(double internalValue) =>
        internalValue >= 0 && internalValue < Choices.Count && internalValue == Math.Round(internalValue);

    /// <inheritdoc/>
    public override object ToExternal(double internalValue) => Choices[(int)internalValue];

    /// <inheritdoc/>
    public override string ToJson() => new JsonObject
    {
        ["type"] = "categorical", ["choices"] = new JsonArray([.. Choices.Select(c => (JsonNode?)c)]),
    }.ToJsonString();

    /// <summary>Two categorical distributions are equal when their choices are, in order.</summary>
    public bool Equals(CategoricalDistribution? other) =>
        other is not null && Choices.SequenceEqual(other.Choices);

    /// <inheritdoc/>
    public override int GetHashCode() => Choices.Aggregate(17, (h, c) => HashCode.Combine(h, c));
}
