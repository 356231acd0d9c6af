using Keel.Kernels.Reductions;
using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Kernels.Tests.Reductions;

public sealed class CrossEntropyKernelTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void Rows_of_every_class_count_match_the_definition(float smoothing)
    {
        var generator = new Generator(5);
        const int rows = 3;
        for (int classes = 1; classes <= KernelHarness.MaxLength; classes++)
        {
            int size = rows * classes;
            var x = KernelHarness.Buffer(size, generator, g => 5f * g.NextNormal());
            int[] targets = [.. Enumerable.Range(0, rows).Select(_ => generator.NextInt(classes))];
            var losses = KernelHarness.Buffer(rows, generator, _ => float.NaN);
            var p = KernelHarness.Buffer(size, generator, _ => float.NaN);
            CrossEntropyKernels.Forward(KernelHarness.Inside(x, size), targets, classes, smoothing, KernelHarness.Inside(losses, rows), KernelHarness.Inside(p, size));

            var expectedLoss = new double[rows];
            var expectedP = new double[size];
            for (int i = 0; i < rows; i++)
            {
                var row = x.AsSpan(3 + i * classes, classes).ToArray().Select(v => (double)v).ToArray();
                double max = row.Max(), lse = max + Math.Log(row.Sum(v => Math.Exp(v - max)));
                expectedLoss[i] = (1 - smoothing) * (lse - row[targets[i]]) + smoothing / classes * row.Sum(v => lse - v);
                for (int c = 0; c < classes; c++) expectedP[i * classes + c] = Math.Exp(row[c] - lse);
            }
            GradCheck.AssertClose($"losses, {classes} classes", KernelHarness.Inside(losses, rows).ToArray(), expectedLoss, 1e-5, 1e-5);
            GradCheck.AssertClose($"probabilities, {classes} classes", KernelHarness.Inside(p, size).ToArray(), expectedP, 1e-6, 1e-5);
            KernelHarness.AssertSentinels(losses, rows, "losses");
            KernelHarness.AssertSentinels(p, size, "probabilities");

            var g = KernelHarness.Buffer(rows, generator, r => r.NextNormal());
            var dx = KernelHarness.Buffer(size, generator, r => r.NextNormal());
            var expectedDx = new double[size];
            for (int j = 0; j < size; j++)
            {
                int i = j / classes, c = j % classes;
                double onehot = c == targets[i] ? 1 : 0;
                expectedDx[j] = dx[3 + j] + g[3 + i] * (p[3 + j] - (1 - smoothing) * onehot - smoothing / classes);
            }
            CrossEntropyKernels.Backward(KernelHarness.Inside(p, size), targets, classes, smoothing, KernelHarness.Inside(g, rows), KernelHarness.Inside(dx, size));
            GradCheck.AssertClose($"backward, {classes} classes", KernelHarness.Inside(dx, size).ToArray(), expectedDx, 1e-5, 1e-5);
            KernelHarness.AssertSentinels(dx, size, "dx");
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(27)]
    public void Extreme_logits_give_what_the_definition_gives(int classes)
    {
        // Row 0: one class masked with −∞ (probability exactly 0; as the target, a loss of +∞, the
        // others' probabilities exact). Row 1: logits 200 apart (e^−200 is below float's normal
        // range: flushed to 0, loss exactly 0). Row 2: logits near float's largest, 10³⁷ apart
        // (subtracting the max keeps e^x finite: the target takes it all). Rows 3 and 4: a NaN or a
        // +∞ logit makes the row NaN.
        float[] x = new float[5 * classes];
        for (int c = 0; c < classes; c++)
        {
            x[c] = c;
            x[classes + c] = c == 1 ? 0f : -200f;
            x[2 * classes + c] = 3e38f - c * 1e37f;
            x[3 * classes + c] = x[4 * classes + c] = c;
        }
        x[classes - 1] = float.NegativeInfinity;
        x[3 * classes + 2] = float.NaN;
        x[4 * classes + 2] = float.PositiveInfinity;
        var losses = new float[5];
        var p = new float[x.Length];
        CrossEntropyKernels.Forward(x, [classes - 1, 1, 0, 0, 0], classes, 0f, losses, p);

        Assert.Equal(float.PositiveInfinity, losses[0]);
        Assert.Equal(0f, p[classes - 1]);
        double lse0 = Math.Log(Enumerable.Range(0, classes - 1).Sum(c => Math.Exp(c - (classes - 2.0)))) + classes - 2.0;
        Assert.Equal(Math.Exp(-lse0), p[0], 1e-7);
        Assert.Equal(0f, losses[1]);
        Assert.Equal(1f, p[classes + 1]);
        Assert.Equal(0f, p[classes]);
        Assert.Equal(0f, losses[2]);
        Assert.Equal(1f, p[2 * classes]);
        Assert.True(float.IsNaN(losses[3]), $"NaN logit: loss {losses[3]}");
        Assert.True(float.IsNaN(losses[4]), $"+inf logit: loss {losses[4]}");
    }

    [Fact]
    public void Lengths_that_do_not_fit_the_rows_are_rejected()
        => Assert.StartsWith("CrossEntropyForward: 2 rows of 3 classes do not match lengths 5",
            Assert.Throws<ArgumentException>(() => CrossEntropyKernels.Forward(new float[5], [0, 1], 3, 0f, new float[2], new float[5])).Message);

    [Fact]
    public void A_target_outside_the_classes_is_rejected()
        => Assert.Contains("CrossEntropyBackward: target 3 is not a class in [0, 3)",
            Assert.Throws<ArgumentOutOfRangeException>(() => CrossEntropyKernels.Backward(new float[6], [0, 3], 3, 0f, new float[2], new float[6])).Message);

    [Fact]
    public void Rows_without_classes_are_rejected()
        => Assert.StartsWith("CrossEntropyForward: rows need at least one class, got 0",
            Assert.Throws<ArgumentException>(() => CrossEntropyKernels.Forward([], [0], 0, 0f, new float[1], [])).Message);
}
