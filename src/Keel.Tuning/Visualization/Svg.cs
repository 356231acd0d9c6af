using System.Net;

namespace Keel.Tuning.Visualization;

/// <summary>Text for SVG and HTML.</summary>
internal static class Svg
{
    /// <summary>Escapes <c>&amp; &lt; &gt; "</c> and <c>'</c>.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
