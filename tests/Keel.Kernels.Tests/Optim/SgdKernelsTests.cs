using Keel.Kernels.Optim;

namespace Keel.Kernels.Tests.Optim;

public sealed class SgdKernelsTests
{
    /// <summary>PyTorch's SGD update for one element, written as a scalar loop.</summary>
    private static void Reference(float[] p, float[] g, float[] b, float lr, float momentum, float dampening, float decay, bool nesterov, bool first)
    {
        for (int i = 0; i < p.Length; i++)
        {
            float d = g[i];
            if (decay != 0f) d += decay * p[i];
            if (momentum != 0f)
            {
                b[i] = first ? d : momentum * b[i] + (1f - dampening) * d;
                d = nesterov ? d + momentum * b[i] : b[i];
            }
            p[i] -= lr * d;
        }
    }

    [Theory]
    [InlineData(0f, 0f, 0f, false)]
    [InlineData(0.9f, 0f, 0f, false)]
    [InlineData(0.9f, 0.1f, 1e-2f, false)]
    [InlineData(0.9f, 0f, 1e-2f, true)]
    public void The_vectorized_step_equals_the_scalar_rule_bit_for_bit_for_every_length(float momentum, float dampening, float decay, bool nesterov)
    {
        var random = new Random(3);
        for (int length = 0; length <= 67; length++)
        {
            float[] Fill() => [.. Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f)];
            float[] p = Fill(), g = Fill(), b = Fill();
            float[] p2 = [.. p], b2 = [.. b];
            // Spans cut from larger arrays with sentinels after them, which must stay untouched.
            var parameter = new float[length + 2];
            var buffer = new float[length + 2];
            p.CopyTo(parameter, 0);
            b.CopyTo(buffer, 0);
            parameter[^2] = parameter[^1] = buffer[^2] = buffer[^1] = 42f;
            for (int step = 0; step < 3; step++)
            {
                SgdKernels.Step(parameter.AsSpan(0, length), g, buffer.AsSpan(0, length), 0.1f, momentum, dampening, decay, nesterov, firstStep: step == 0);
                Reference(p2, g, b2, 0.1f, momentum, dampening, decay, nesterov, first: step == 0);
            }
            Assert.Equal(p2, parameter[..length]);
            if (momentum != 0f) Assert.Equal(b2, buffer[..length]);
            Assert.Equal([42f, 42f], parameter[^2..]);
            Assert.Equal([42f, 42f], buffer[^2..]);
        }
    }
}
