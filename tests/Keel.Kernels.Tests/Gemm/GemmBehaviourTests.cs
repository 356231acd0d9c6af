using Keel.Kernels.Gemm;
using Keel.Kernels.Threading;
using GemmKernel = Keel.Kernels.Gemm.Gemm;

namespace Keel.Kernels.Tests.Gemm;

/// <summary>Accumulation, empty dimensions, span boundaries and thread-count independence.</summary>
public sealed class GemmBehaviourTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var path in GemmReference.SupportedPaths) data.Add(path.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Accumulate_adds_the_product_to_C(string path)
    {
        foreach (var (m, k, n) in new[] { (7, 13, 5), (8, 13, 53), (32, 9, 40), (33, 65, 17), (300, 600, 260) })
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
                    float[] initial = GemmReference.Random(m * n, 3), c = (float[])initial.Clone();
                    GemmKernel.Multiply(a, b, c, m, k, n, ta, tb, accumulate: true, Enum.Parse<GemmPath>(path));
                    var (product, abs) = GemmReference.Of(m, k, n, ta, tb);
                    GemmReference.AssertClose(c, product, abs, k, initial);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void K_zero_clears_C_or_leaves_it_when_accumulating(string path)
    {
        var gemmPath = Enum.Parse<GemmPath>(path);
        float[] c = [1, 2, 3, 4, 5, 6, 99];
        GemmKernel.Multiply([], [], c, 2, 0, 3, false, false, accumulate: true, gemmPath);
        Assert.Equal([1, 2, 3, 4, 5, 6, 99], c);
        GemmKernel.Multiply([], [], c, 2, 0, 3, false, false, accumulate: false, gemmPath);
        Assert.Equal([0, 0, 0, 0, 0, 0, 99], c);
    }

    [Fact]
    public void Empty_m_or_n_touches_nothing()
    {
        float[] c = [7];
        GemmKernel.Multiply(new float[5], [], c, 5, 1, 0);
        GemmKernel.Multiply([], new float[5], c, 0, 1, 5);
        Assert.Equal([7f], c);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Spans_cut_from_larger_arrays_leave_the_rest_untouched(string path)
    {
        const int Pad = 37;
        const float Sentinel = -12345.5f;
        foreach (var (m, k, n) in new[] { (7, 13, 5), (8, 13, 53), (32, 9, 40), (33, 65, 17), (300, 600, 260) })
        {
            foreach (var (ta, tb, accumulate) in new[] { (false, false, false), (true, false, true), (false, true, false), (true, true, true) })
            {
                float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
                float[] aBig = Surround(a, Pad, float.NaN), bBig = Surround(b, Pad, float.NaN);
                float[] cBig = Surround(new float[m * n], Pad, Sentinel);

                GemmKernel.Multiply(aBig.AsSpan(Pad, m * k), bBig.AsSpan(Pad, k * n), cBig.AsSpan(Pad, m * n),
                    m, k, n, ta, tb, accumulate, Enum.Parse<GemmPath>(path));

                Assert.All(cBig[..Pad], v => Assert.Equal(Sentinel, v));
                Assert.All(cBig[(Pad + m * n)..], v => Assert.Equal(Sentinel, v));
                var (product, abs) = GemmReference.Of(m, k, n, ta, tb);
                GemmReference.AssertClose(cBig.AsSpan(Pad, m * n), product, abs, k);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Results_are_bit_identical_for_one_two_and_three_threads(string path)
    {
        var gemmPath = Enum.Parse<GemmPath>(path);
        foreach (var (m, k, n, ta, tb) in new[] { (300, 600, 260, false, false), (517, 300, 131, true, true), (40, 700, 1000, false, true) })
        {
            float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
            float[] one = Run(1), two = Run(2), three = Run(3);
            Assert.Equal(Bits(one), Bits(two));
            Assert.Equal(Bits(one), Bits(three));

            float[] Run(int threads)
            {
                using var scope = KernelThreads.Use(threads);
                var c = GemmReference.Random(m * n, 3);
                GemmKernel.Multiply(a, b, c, m, k, n, ta, tb, accumulate: true, gemmPath);
                return c;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Rows_below_the_last_whole_tile_get_the_same_bits_as_rows_inside_one(string path)
    {
        // m = 6q + 1 or 6q + 2 leaves rows below the last 6-row tile (the AVX2 kernel's row-pair strips);
        // the same rows of A inside a product twelve rows taller sit in whole tiles. Widths cover one,
        // two and three panels of 16, partial ones, B in place and packed.
        var gemmPath = Enum.Parse<GemmPath>(path);
        foreach (int m in new[] { 1, 2, 7, 8, 32 })
        {
            foreach (int n in new[] { 5, 16, 27, 40, 48, 53, 200 })
            {
                foreach (bool ta in new[] { false, true })
                {
                    foreach (bool tb in new[] { false, true })
                    {
                        const int k = 19;
                        int tall = m + 12;
                        float[] aTall = GemmReference.Random(tall * k, 1), b = GemmReference.Random(k * n, 2);
                        float[] aShort = ta ? FirstColumns(aTall, k, tall, m) : aTall[..(m * k)];
                        foreach (bool accumulate in new[] { false, true })
                        {
                            var cTall = GemmReference.Random(tall * n, 3);
                            var cShort = cTall[..(m * n)];
                            GemmKernel.Multiply(aTall, b, cTall, tall, k, n, ta, tb, accumulate, gemmPath);
                            GemmKernel.Multiply(aShort, b, cShort, m, k, n, ta, tb, accumulate, gemmPath);
                            Assert.True(Bits(cShort).SequenceEqual(Bits(cTall[..(m * n)])), $"m {m}, n {n}, transposes {ta}/{tb}, accumulate {accumulate}");
                        }
                    }
                }
            }
        }

        // A transposed is [k, rows]: the first m of each row's entries.
        static float[] FirstColumns(float[] a, int rows, int width, int keep)
        {
            var kept = new float[rows * keep];
            for (int r = 0; r < rows; r++) Array.Copy(a, r * width, kept, r * keep, keep);
            return kept;
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public unsafe void A_small_product_run_as_its_transpose_gets_the_same_bits_as_in_place(string path)
    {
        // C = A·Bᵀ with B much larger than A runs as Cᵀ = B·Aᵀ and a transpose of the result: widths and
        // heights that are and are not multiples of 8 and of the panel width, and the elements after C
        // left alone.
        var kernel = MicroKernel.For(GemmPaths.Resolve(Enum.Parse<GemmPath>(path), CpuFeatures.Current));
        foreach (var (m, k, n) in new[] { (32, 128, 128), (32, 128, 192), (13, 200, 90), (30, 128, 77), (16, 256, 256) })
        {
            float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(n * k, 2);
            float[] swapped = GemmReference.Random(m * n + 9, 3), inPlace = (float[])swapped.Clone();
            bool transposed;
            fixed (float* pa = a, pb = b, pSwapped = swapped, pInPlace = inPlace)
            {
                var problem = new GemmProblem(pa, pb, pSwapped, m, k, n, transposeA: false, transposeB: true, accumulate: false);
                transposed = GemmDirect.TransposedIsCheaper(problem, kernel.Nr);
                GemmDirect.Run(problem, kernel);
                GemmDirect.RunInPlace(new GemmProblem(pa, pb, pInPlace, m, k, n, transposeA: false, transposeB: true, accumulate: false), kernel);
            }
            if (m == 32 && k == 128) Assert.True(transposed, $"{m}×{k}×{n} should run transposed on {path}");
            Assert.True(Bits(swapped).SequenceEqual(Bits(inPlace)), $"{m}×{k}×{n} on {path}");
        }
    }

    [Theory]
    [InlineData(32, 30, 200, false, false)]
    [InlineData(32, 27, 200, false, true)]
    [InlineData(32, 128, 128, false, true)] // run as its transpose, through scratch for the result
    [InlineData(200, 32, 27, true, false)]
    [InlineData(300, 600, 260, false, false)]
    public void Repeated_calls_on_one_thread_allocate_nothing(int m, int k, int n, bool ta, bool tb)
    {
        float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
        var c = new float[m * n];
        using var scope = KernelThreads.Use(1);
        GemmKernel.Multiply(a, b, c, m, k, n, ta, tb);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) GemmKernel.Multiply(a, b, c, m, k, n, ta, tb);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static float[] Surround(float[] values, int pad, float fill)
    {
        var big = new float[values.Length + 2 * pad];
        Array.Fill(big, fill);
        values.CopyTo(big, pad);
        return big;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
