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
