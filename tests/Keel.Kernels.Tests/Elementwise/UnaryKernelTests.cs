using Keel.Kernels.Elementwise;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Kernels.Tests.Elementwise;

/// <summary>Every elementwise kernel against its formula, one value at a time, for lengths 0–256.</summary>
public sealed class UnaryKernelTests
{
    private static readonly Func<Generator, float> Normal = g => 3f * g.NextNormal();
    private static readonly Func<Generator, float> Positive = g => 0.05f + 3f * g.NextFloat();

    [Fact]
    public void Exp() => Both(ExpKernels.Forward, Math.Exp, ExpKernels.Backward, (y, dy) => dy * y, Normal, fromOutput: true);

    [Fact]
    public void Log() => Both(LogKernels.Forward, Math.Log, LogKernels.Backward, (x, dy) => dy / x, Positive);

    [Fact]
    public void Sqrt() => Both(SqrtKernels.Forward, Math.Sqrt, SqrtKernels.Backward, (y, dy) => dy / (2 * y), Positive, fromOutput: true);

    [Fact]
    public void Abs() => Both(AbsKernels.Forward, Math.Abs, AbsKernels.Backward, (x, dy) => dy * Math.Sign(x), WithZeros(Normal));

    [Fact]
    public void Tanh() => Both(TanhKernels.Forward, Math.Tanh, TanhKernels.Backward, (y, dy) => dy * (1 - y * y), Normal, fromOutput: true);

    [Fact]
    public void Sigmoid() => Both(SigmoidKernels.Forward, v => 1 / (1 + Math.Exp(-v)), SigmoidKernels.Backward, (y, dy) => dy * y * (1 - y), Normal, fromOutput: true);

    [Fact]
    public void Relu() => Both(ReluKernels.Forward, v => Math.Max(v, 0), ReluKernels.Backward, (x, dy) => x > 0 ? dy : 0, WithZeros(Normal));

    [Theory]
    [InlineData(0.01f)]
    [InlineData(0.3f)]
    public void LeakyRelu(float slope) => Both(
        (x, y) => ReluKernels.LeakyForward(x, slope, y), v => v > 0 ? v : slope * v,
        (x, dy, dx) => ReluKernels.LeakyBackward(x, slope, dy, dx), (x, dy) => dy * (x > 0 ? 1 : slope), WithZeros(Normal));

    [Theory]
    [InlineData(1f, 1f)]
    [InlineData(1.6732632f, 1.050701f)]
    public void Elu(float alpha, float scale) => Both(
        (x, y) => EluKernels.Forward(x, alpha, scale, y), v => scale * (v > 0 ? v : alpha * (Math.Exp(v) - 1)),
        (x, dy, dx) => EluKernels.Backward(x, alpha, scale, dy, dx), (x, dy) => dy * scale * (x > 0 ? 1 : alpha * Math.Exp(x)), WithZeros(Normal));

    [Theory]
    [InlineData(3f)]
    [InlineData(2f)]
    [InlineData(0.5f)]
    [InlineData(-1.5f)]
    [InlineData(0f)]
    public void Pow(float p) => Both(
        (x, y) => PowKernels.Forward(x, p, y), v => Math.Pow(v, p),
        (x, dy, dx) => PowKernels.Backward(x, p, dy, dx), (x, dy) => p == 0 ? 0 : dy * p * Math.Pow(x, p - 1), Positive, rtol: 2e-6);

    [Theory]
    [InlineData(-0.5f, 0.7f)]
    [InlineData(float.NegativeInfinity, 0f)]
    [InlineData(1f, 0.5f)]
    public void Clamp(float lo, float hi) => Both(
        (x, y) => ClampKernels.Forward(x, lo, hi, y), v => Math.Min(Math.Max(v, lo), hi),
        (x, dy, dx) => ClampKernels.Backward(x, lo, hi, dy, dx), (x, dy) => x >= lo && x <= hi ? dy : 0,
        g => g.NextFloat() < 0.2f ? (g.NextFloat() < 0.5f && float.IsFinite(lo) ? lo : hi) : Normal(g));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gelu(bool tanh) => Both(
        (x, y) => GeluKernels.Forward(x, y, tanh), v => GeluReference(v, tanh),
        (x, dy, dx) => GeluKernels.Backward(x, dy, dx, tanh), (x, dy) => dy * GeluSlope(x, tanh),
        WithZeros(Normal), atol: 2e-6);

    public static TheoryData<string, Action> LengthMismatches => new()
    {
        { "ExpForward", () => ExpKernels.Forward(new float[2], new float[3]) },
        { "ExpBackward", () => ExpKernels.Backward(new float[2], new float[2], new float[3]) },
        { "LogForward", () => LogKernels.Forward(new float[2], new float[1]) },
        { "LogBackward", () => LogKernels.Backward(new float[2], new float[1], new float[2]) },
        { "SqrtForward", () => SqrtKernels.Forward(new float[2], new float[3]) },
        { "SqrtBackward", () => SqrtKernels.Backward(new float[3], new float[2], new float[2]) },
        { "AbsForward", () => AbsKernels.Forward(new float[2], new float[3]) },
        { "AbsBackward", () => AbsKernels.Backward(new float[2], new float[2], new float[1]) },
        { "PowForward", () => PowKernels.Forward(new float[2], 2f, new float[3]) },
        { "PowBackward", () => PowKernels.Backward(new float[2], 2f, new float[2], new float[3]) },
        { "ClampForward", () => ClampKernels.Forward(new float[2], 0f, 1f, new float[3]) },
        { "ClampBackward", () => ClampKernels.Backward(new float[2], 0f, 1f, new float[3], new float[2]) },
        { "SigmoidForward", () => SigmoidKernels.Forward(new float[2], new float[3]) },
        { "SigmoidBackward", () => SigmoidKernels.Backward(new float[2], new float[2], new float[3]) },
        { "ReluForward", () => ReluKernels.Forward(new float[2], new float[3]) },
        { "ReluBackward", () => ReluKernels.Backward(new float[2], new float[2], new float[3]) },
        { "LeakyReluForward", () => ReluKernels.LeakyForward(new float[2], 0.1f, new float[3]) },
        { "LeakyReluBackward", () => ReluKernels.LeakyBackward(new float[2], 0.1f, new float[2], new float[3]) },
        { "EluForward", () => EluKernels.Forward(new float[2], 1f, 1f, new float[3]) },
        { "EluBackward", () => EluKernels.Backward(new float[2], 1f, 1f, new float[2], new float[3]) },
        { "GeluForward", () => GeluKernels.Forward(new float[2], new float[3], false) },
        { "GeluBackward", () => GeluKernels.Backward(new float[2], new float[2], new float[3], true) },
        { "TanhForward", () => TanhKernels.Forward(new float[2], new float[3]) },
        { "TanhBackward", () => TanhKernels.Backward(new float[2], new float[2], new float[3]) },
    };

    [Theory, MemberData(nameof(LengthMismatches))]
    public void Spans_of_different_lengths_are_rejected(string kernel, Action call)
        => Assert.StartsWith($"{kernel}: lengths ", Assert.Throws<ArgumentException>(call).Message);

    private static double GeluReference(double v, bool tanh) => tanh
        ? 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)))
        : v * SpecialFunctions.NormalCdf(v);

    private static double GeluSlope(double v, bool tanh)
    {
        if (!tanh) return SpecialFunctions.NormalCdf(v) + v * SpecialFunctions.NormalPdf(v);
        double c = Math.Sqrt(2 / Math.PI), t = Math.Tanh(c * (v + 0.044715 * v * v * v));
        return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * 0.044715 * v * v);
    }

    /// <summary>Draws exact zeros a tenth of the time, to pin the kink conventions.</summary>
    private static Func<Generator, float> WithZeros(Func<Generator, float> draw) => g => g.NextFloat() < 0.1f ? 0f : draw(g);

    /// <summary>Checks forward, then backward on inputs (or, <paramref name="fromOutput"/>, on outputs f(x)) drawn the same way.</summary>
    private static void Both(UnaryKernel forward, Func<double, double> f, BackwardKernel backward, Func<double, double, double> g,
        Func<Generator, float> input, bool fromOutput = false, double atol = 1e-6, double rtol = 1e-6)
    {
        KernelHarness.Forward(forward, f, input, atol, rtol);
        KernelHarness.Backward(backward, g, fromOutput ? r => (float)f(input(r)) : input, atol, rtol);
    }
}
