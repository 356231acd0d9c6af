using Keel.Kernels.Gemm;
using GemmKernel = Keel.Kernels.Gemm.Gemm;

namespace Keel.Kernels.Tests.Gemm;

/// <summary>
/// Every code path and every transpose combination against the double-precision triple loop
/// (<see cref="GemmReference"/>), on shapes that hit full and partial tiles, the direct small-shape
/// path and the packed, blocked, threaded path.
/// </summary>
public sealed class GemmCorrectnessTests
{
    private static readonly (int M, int K, int N)[] Shapes =
    [
        (1, 1, 1), (7, 13, 5), (33, 65, 17), (129, 257, 31), (1, 1000, 1), (1000, 1, 1000), (512, 512, 512),
        (13, 200, 90), // with B transposed, small enough and wide enough to run as Cᵀ = B·Aᵀ
    ];

    /// <summary>Shape × transposes × supported path.</summary>
    public static TheoryData<int, int, int, bool, bool, string> Cases()
    {
        var data = new TheoryData<int, int, int, bool, bool, string>();
        foreach (var (m, k, n) in Shapes)
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    foreach (var path in GemmReference.SupportedPaths) data.Add(m, k, n, ta, tb, path.ToString());
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Product_matches_double_precision_reference(int m, int k, int n, bool transposeA, bool transposeB, string path)
    {
        float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
        var c = new float[m * n];
        Array.Fill(c, float.NaN);

        GemmKernel.Multiply(a, b, c, m, k, n, transposeA, transposeB, accumulate: false, Enum.Parse<GemmPath>(path));

        var (product, abs) = GemmReference.Of(m, k, n, transposeA, transposeB);
        GemmReference.AssertClose(c, product, abs, k);
    }

    [Theory]
    [InlineData(8, 16, 32)]  // exactly one full 8×32 tile
    [InlineData(17, 9, 48)]  // a full 32-column panel, then exactly 16 columns
    [InlineData(6, 5, 16)]   // exactly 16 columns, partial rows
    [InlineData(13, 7, 62)]  // 32 + 30 columns
    public void Tile_edges_match_reference(int m, int k, int n)
    {
        foreach (var path in GemmReference.SupportedPaths)
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
                    var c = new float[m * n];
                    GemmKernel.Multiply(a, b, c, m, k, n, ta, tb, accumulate: false, path);
                    var (product, abs) = GemmReference.Of(m, k, n, ta, tb);
                    GemmReference.AssertClose(c, product, abs, k);
                }
            }
        }
    }

    [Theory]
    [InlineData(300, 600, 260)] // several k blocks, row blocks and partial tiles on the packed path
    [InlineData(9, 40, 3100)]   // more columns than one packed B block holds
    [InlineData(70, 3, 6000)]
    [InlineData(64, 300, 100)]  // a k block of 300: row-major A's panels transposed eight k at a time, the last eight overlapping
    [InlineData(131, 27, 400)]  // a k block of 27, and a partial panel of A below the whole ones
    public void Packed_path_matches_reference_across_blocks(int m, int k, int n)
    {
        foreach (var path in GemmReference.SupportedPaths)
        {
            foreach (bool ta in new[] { false, true })
            {
                foreach (bool tb in new[] { false, true })
                {
                    float[] a = GemmReference.Random(m * k, 1), b = GemmReference.Random(k * n, 2);
                    var c = new float[m * n];
                    GemmKernel.Multiply(a, b, c, m, k, n, ta, tb, accumulate: false, path);
                    var (product, abs) = GemmReference.Of(m, k, n, ta, tb);
                    GemmReference.AssertClose(c, product, abs, k);
                }
            }
        }
    }

    [Fact]
    public void Public_overload_runs_the_auto_path()
    {
        float[] a = GemmReference.Random(33 * 65, 1), b = GemmReference.Random(65 * 17, 2);
        var viaAuto = new float[33 * 17];
        var viaResolved = new float[33 * 17];
        GemmKernel.Multiply(a, b, viaAuto, 33, 65, 17);
        GemmKernel.Multiply(a, b, viaResolved, 33, 65, 17, false, false, false, GemmPaths.Resolve(GemmPath.Auto, CpuFeatures.Current));
        Assert.Equal(viaResolved, viaAuto);
    }
}
