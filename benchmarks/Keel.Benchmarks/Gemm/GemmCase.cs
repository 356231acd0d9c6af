using System.Globalization;

namespace Keel.Benchmarks.Gemm;

/// <summary>
/// One product to time, written <c>MxKxN</c> with an optional <c>:ta</c>, <c>:tb</c> or <c>:tatb</c>
/// suffix for a transposed operand (the spelling <c>benchmarks/compare/gemm_torch.py</c> reads too).
/// </summary>
public sealed record GemmCase(int M, int K, int N, bool TransposeA, bool TransposeB)
{
    /// <summary>Floating-point operations of one product (a multiply-add counts as two).</summary>
    public double Flops => 2.0 * M * K * N;

    /// <summary>Parses <c>MxKxN[:ta|:tb|:tatb]</c>.</summary>
    public static GemmCase Parse(string text)
    {
        string[] parts = text.Split(':');
        string[] dims = parts[0].Split('x');
        string flags = parts.Length > 1 ? parts[1] : "";
        if (dims.Length != 3 || parts.Length > 2 || flags is not ("" or "ta" or "tb" or "tatb"))
            throw new FormatException($"GEMM case '{text}' is not MxKxN[:ta|:tb|:tatb].");
        return new GemmCase(
            int.Parse(dims[0], CultureInfo.InvariantCulture), int.Parse(dims[1], CultureInfo.InvariantCulture),
            int.Parse(dims[2], CultureInfo.InvariantCulture), flags.Contains("ta", StringComparison.Ordinal),
            flags.Contains("tb", StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{M}x{K}x{N}" + (TransposeA || TransposeB ? ":" + (TransposeA ? "ta" : "") + (TransposeB ? "tb" : "") : "");
}
