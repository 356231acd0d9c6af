using Keel.Tensors;
using Xunit;

namespace Keel.TestKit;

/// <summary>A kernel that maps one span to another.</summary>
public delegate void UnaryKernel(ReadOnlySpan<float> x, Span<float> y);

/// <summary>A backward kernel: <c>dx (+)= f(a, dy)</c>, with a the forward input or output.</summary>
public delegate void BackwardKernel(ReadOnlySpan<float> a, ReadOnlySpan<float> dy, Span<float> dx);

/// <summary>
/// Runs span kernels against a scalar loop for every length 0–256, on spans cut from larger arrays
/// whose elements before and after the span are sentinels that must stay untouched.
/// </summary>
public static class KernelHarness
{
    /// <summary>The longest length tried.</summary>
    public const int MaxLength = 256;

    private const int Before = 3, After = 5;
    private const float Sentinel = -12345.678f;

    /// <summary>Checks <c>y[i] = f(x[i])</c> within <c>atol + rtol·|expected|</c>, with x drawn by <paramref name="input"/>.</summary>
    public static void Forward(UnaryKernel kernel, Func<double, double> f, Func<Generator, float> input, double atol = 1e-6, double rtol = 1e-6)
    {
        var generator = new Generator(17);
        for (int n = 0; n <= MaxLength; n++)
        {
            var x = Buffer(n, generator, input);
            var y = Buffer(n, generator, _ => float.NaN);
            kernel(x.AsSpan(Before, n), y.AsSpan(Before, n));
            var expected = x.AsSpan(Before, n).ToArray().Select(v => f(v)).ToArray();
            GradCheck.AssertClose($"length {n}", y.AsSpan(Before, n).ToArray(), expected, atol, rtol);
            AssertSentinels(x, n, "x");
            AssertSentinels(y, n, "y");
        }
    }

    /// <summary>Checks that <c>dx[i] += g(a[i], dy[i])</c> (accumulating onto random values), with a drawn by <paramref name="input"/>.</summary>
    public static void Backward(BackwardKernel kernel, Func<double, double, double> g, Func<Generator, float> input, double atol = 1e-6, double rtol = 1e-6)
    {
        var generator = new Generator(23);
        for (int n = 0; n <= MaxLength; n++)
        {
            var a = Buffer(n, generator, input);
            var dy = Buffer(n, generator, r => r.NextNormal());
            var dx = Buffer(n, generator, r => r.NextNormal());
            var expected = new double[n];
            for (int i = 0; i < n; i++) expected[i] = dx[Before + i] + g(a[Before + i], dy[Before + i]);
            kernel(a.AsSpan(Before, n), dy.AsSpan(Before, n), dx.AsSpan(Before, n));
            GradCheck.AssertClose($"length {n}", dx.AsSpan(Before, n).ToArray(), expected, atol, rtol);
            AssertSentinels(a, n, "a");
            AssertSentinels(dy, n, "dy");
            AssertSentinels(dx, n, "dx");
        }
    }

    /// <summary>An array of <paramref name="n"/> values drawn by <paramref name="draw"/> at offset 3, with sentinels around.</summary>
    public static float[] Buffer(int n, Generator generator, Func<Generator, float> draw)
    {
        var buffer = new float[Before + n + After];
        Array.Fill(buffer, Sentinel);
        for (int i = 0; i < n; i++) buffer[Before + i] = draw(generator);
        return buffer;
    }

    /// <summary>The span of <paramref name="n"/> values inside a <see cref="Buffer"/>.</summary>
    public static Span<float> Inside(float[] buffer, int n) => buffer.AsSpan(Before, n);

    /// <summary>Asserts that the sentinels around the span of length <paramref name="n"/> are untouched.</summary>
    public static void AssertSentinels(float[] buffer, int n, string name)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            if ((i < Before || i >= Before + n) && !(buffer[i] == Sentinel))
                Assert.Fail($"{name}: sentinel at {i} (span of length {n} at {Before}) was overwritten with {buffer[i]}");
        }
    }
}
