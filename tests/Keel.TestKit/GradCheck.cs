using Keel.Tensors;
using Xunit;

namespace Keel.TestKit;

/// <summary>
/// Checks an op's forward values and its backward pass against a double-precision implementation
/// of the published formula: the analytic gradient of <c>L = Σ u ⊙ f(x)</c> for a random upstream
/// gradient u must equal central differences of the reference, element by element, within
/// <c>|a − n| ≤ atol + rtol·|n|</c>.
/// </summary>
public static class GradCheck
{
    /// <summary>Tolerances for float32 ops against a double reference.</summary>
    public const double Atol = 1e-4, Rtol = 1e-3;

    /// <summary>
    /// Runs <paramref name="op"/> on <paramref name="inputs"/> and checks values and gradients of
    /// every input that requires grad against <paramref name="reference"/>, which maps the inputs'
    /// flat row-major values to the output's flat values.
    /// </summary>
    public static void Check(
        Func<Tensor[], Tensor> op,
        Func<double[][], double[]> reference,
        Tensor[] inputs,
        ulong seed = 1,
        double atol = Atol,
        double rtol = Rtol,
        double step = 1e-6)
    {
        foreach (var input in inputs) input.Grad = null;
        var values = inputs.Select(t => t.ToArray().Select(v => (double)v).ToArray()).ToArray();

        var output = op(inputs);
        var expected = reference(values);
        Assert.True(expected.Length == output.Size, $"reference gives {expected.Length} values; the op's output has shape {output.Shape}");
        AssertClose("forward", output.ToArray(), expected, atol, rtol);

        var generator = new Generator(seed);
        var upstream = Tensor.Normal(output.Shape, generator);
        var u = upstream.ToArray();
        if (!output.RequiresGrad) return;
        output.Backward(upstream);

        for (int which = 0; which < inputs.Length; which++)
        {
            var input = inputs[which];
            if (!input.RequiresGrad) continue;
            var grad = input.Grad;
            if (input.Size == 0)
            {
                Assert.True(grad is null || grad.Size == 0, $"input {which}: gradient of an empty input is not empty");
                continue;
            }
            Assert.True(grad is not null, $"input {which} (shape {input.Shape}) received no gradient");
            Assert.Equal(input.Shape, grad!.Shape);
            var analytic = grad.ToArray();
            var numeric = new double[input.Size];
            for (int i = 0; i < numeric.Length; i++)
            {
                double saved = values[which][i];
                values[which][i] = saved + step;
                double plus = Dot(u, reference(values));
                values[which][i] = saved - step;
                double minus = Dot(u, reference(values));
                values[which][i] = saved;
                numeric[i] = (plus - minus) / (2 * step);
            }
            AssertClose($"gradient of input {which} (shape {input.Shape})", analytic, numeric, atol, rtol);
        }
    }

    /// <summary>Asserts <c>|actual − expected| ≤ atol + rtol·|expected|</c> elementwise, naming the first index that fails.</summary>
    public static void AssertClose(string what, float[] actual, double[] expected, double atol = Atol, double rtol = Rtol)
    {
        Assert.True(actual.Length == expected.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        for (int i = 0; i < actual.Length; i++)
        {
            double tolerance = atol + rtol * Math.Abs(expected[i]);
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance))
                Assert.Fail($"{what}: element {i} is {actual[i]}, expected {expected[i]} (tolerance {tolerance:g3})");
        }
    }

    /// <summary>A tensor of the given shape with values drawn from N(0, 1), requiring grad.</summary>
    public static Tensor Random(Shape shape, ulong seed, float scale = 1f)
        => Tensor.Normal(shape, new Generator(seed), 0f, scale, requiresGrad: true);

    private static double Dot(float[] u, double[] y)
    {
        double sum = 0;
        for (int i = 0; i < u.Length; i++) sum += u[i] * y[i];
        return sum;
    }
}
