using Keel.Kernels.Optim;
using Keel.Tensors;

namespace Keel.Tests.Optim;

/// <summary>The span kernels behind the optimizers and the stability tools, against scalar loops.</summary>
public sealed class OptimKernelTests
{
    public static TheoryData<int[], int[]> DimsAndAxes => new()
    {
        { [7], [0] },
        { [7], [] },
        { [3, 2], [0] },
        { [3, 2], [1] },
        { [3, 2], [0, 1] },
        { [2, 3, 4], [1] },
        { [2, 3, 4], [0, 2] },
        { [2, 1, 3, 2], [0, 1, 2] },
        { [0, 3], [0] },
    };

    [Theory, MemberData(nameof(DimsAndAxes))]
    public void Group_sums_of_squares_and_scaling_match_a_scalar_loop_and_leave_the_sentinels(int[] dims, int[] axes)
    {
        var shape = new Shape(dims);
        var generator = new Generator(3);
        var buffer = Enumerable.Range(0, shape.Size + 2).Select(_ => generator.NextNormal()).ToArray();
        buffer[0] = buffer[^1] = 1234f;
        var x = buffer.AsSpan(1, shape.Size);
        int groups = NormKernels.GroupCount(dims, axes);
        var expected = new double[groups];
        var groupOf = new int[shape.Size];
        for (int i = 0; i < shape.Size; i++)
        {
            groupOf[i] = ReferenceGroup(i, dims, axes);
            expected[groupOf[i]] += (double)x[i] * x[i];
        }

        var sums = new double[groups];
        NormKernels.GroupSumsOfSquares(x, dims, axes, sums);
        for (int g = 0; g < groups; g++) Assert.Equal(expected[g], sums[g], 12);

        var before = x.ToArray();
        var factors = Enumerable.Range(0, groups).Select(g => g + 0.5).ToArray();
        NormKernels.ScaleGroups(x, dims, axes, factors);
        for (int i = 0; i < before.Length; i++) Assert.Equal((float)(before[i] * factors[groupOf[i]]), x[i]);
        Assert.Equal(1234f, buffer[0]);
        Assert.Equal(1234f, buffer[^1]);
    }

    [Fact]
    public void Whole_span_norms_accumulate_in_double_and_propagate_nan()
    {
        Assert.Equal(25.0, NormKernels.SumOfSquares([3f, -4f]));
        Assert.Equal(4f, NormKernels.MaxAbs([3f, -4f, 1f]));
        Assert.Equal(0f, NormKernels.MaxAbs([]));
        Assert.True(double.IsNaN(NormKernels.SumOfSquares([1f, float.NaN])));
        Assert.True(float.IsNaN(NormKernels.MaxAbs([1f, float.NaN])));
    }

    [Fact]
    public void Group_kernels_reject_mismatched_lengths_and_axes()
    {
        Assert.Contains("5 values", Assert.Throws<ArgumentException>(() => NormKernels.GroupSumsOfSquares(new float[5], [3, 2], [0], new double[2])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => NormKernels.GroupSumsOfSquares(new float[6], [3, 2], [2], new double[1]));
        Assert.Contains("3 group values", Assert.Throws<ArgumentException>(() => NormKernels.ScaleGroups(new float[6], [3, 2], [0], new double[3])).Message);
    }

    [Fact]
    public void Optimizer_kernels_reject_slots_of_another_length_naming_the_slot()
    {
        var p = new float[4];
        Assert.Contains("momentumBuffer", Assert.Throws<ArgumentException>(() => SgdKernels.Step(p, new float[4], new float[3], 0.1f, 0.9f, 0f, 0f, false, true)).Message);
        Assert.Contains("expAvgSq", Assert.Throws<ArgumentException>(() => AdamKernels.Step(p, new float[4], new float[4], new float[5], [], new AdamScalars(1f, 1f, 0.9f, 0.999f, 1e-8f, 0f, 1f))).Message);
        Assert.Contains("gradAvg", Assert.Throws<ArgumentException>(() => RmsPropKernels.Step(p, new float[4], new float[4], new float[2], [], 0.1f, 0.99f, 1e-8f, 0f, 0f)).Message);
        Assert.Contains("gradient", Assert.Throws<ArgumentException>(() => AdagradKernels.Step(p, new float[1], new float[4], 0.1f, 1e-10f, 0f)).Message);
    }

    [Fact]
    public void Sgd_kernel_matches_the_scalar_rule_for_every_length_up_to_64_and_leaves_the_sentinels()
    {
        for (int n = 0; n <= 64; n++)
        {
            var generator = new Generator((ulong)n + 1);
            var p = Sentinelled(n, generator);
            var g = Sentinelled(n, generator);
            var b = Sentinelled(n, generator);
            var expectedP = p.ToArray();
            var expectedB = b.ToArray();
            for (int i = 1; i <= n; i++)
            {
                float d = g[i] + 0.1f * expectedP[i];
                expectedB[i] = 0.9f * expectedB[i] + 0.75f * d;
                expectedP[i] -= 0.05f * (d + 0.9f * expectedB[i]);
            }
            SgdKernels.Step(p.AsSpan(1, n), g.AsSpan(1, n), b.AsSpan(1, n), 0.05f, 0.9f, 0.25f, 0.1f, nesterov: true, firstStep: false);
            Assert.Equal(expectedP, p);
            Assert.Equal(expectedB, b);
        }
    }

    private static float[] Sentinelled(int n, Generator generator)
    {
        var values = new float[n + 2];
        for (int i = 1; i <= n; i++) values[i] = generator.NextNormal();
        values[0] = values[^1] = -777f;
        return values;
    }

    private static int ReferenceGroup(int index, int[] dims, int[] axes)
    {
        var coordinates = new int[dims.Length];
        for (int a = dims.Length - 1; a >= 0; a--)
        {
            coordinates[a] = index % dims[a];
            index /= dims[a];
        }
        int group = 0;
        for (int a = 0; a < dims.Length; a++)
        {
            if (!axes.Contains(a)) group = group * dims[a] + coordinates[a];
        }
        return group;
    }
}
