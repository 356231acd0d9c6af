using Keel.Tensors;

namespace Keel.Stability;

/// <summary>How messages name a parameter: its dotted path, or its position when it has none.</summary>
internal static class ParameterNames
{
    public static string Of(Parameter parameter, int position) => parameter.Name ?? $"params.{position}";
}
