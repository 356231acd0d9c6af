using System.Text.RegularExpressions;

namespace Keel.Cli.Building;

/// <summary>Matches dotted parameter names against patterns where <c>*</c> stands for any run of characters (<c>*.weight</c>, <c>layers.2.*</c>).</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string name)
        => Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
