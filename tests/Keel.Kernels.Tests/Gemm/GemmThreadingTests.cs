using Keel.Kernels.Gemm;

namespace Keel.Kernels.Tests.Gemm;

/// <summary>How a product's C is divided between threads.</summary>
public sealed class GemmThreadingTests
{
    [Theory]
    [InlineData(1000, 8, 3)]
    [InlineData(33, 8, 2)]
    [InlineData(200, 32, 4)]
    public void Shares_tile_the_range_without_gaps_or_overlap_on_unit_boundaries(int length, int unitSize, int parts)
    {
        int units = (length + unitSize - 1) / unitSize, expectedStart = 0;
        for (int i = 0; i < parts; i++)
        {
            var (start, end) = GemmThreading.Share(i, parts, units, unitSize, length);
            Assert.Equal(expectedStart, start);
            Assert.True(end >= start);
            Assert.True(end == length || end % unitSize == 0, $"part {i} ends at {end}, inside a tile");
            expectedStart = end;
        }
        Assert.Equal(length, expectedStart);
    }

    [Theory]
    [InlineData(2, 1024, 1024, 1, 2)]  // square: either split packs as much; columns come first
    [InlineData(2, 4096, 64, 2, 1)]    // tall C: split the rows
    [InlineData(2, 64, 4096, 1, 2)]    // wide C: split the columns
    [InlineData(4, 1024, 1024, 2, 2)]
    [InlineData(3, 8, 1024, 1, 3)]     // one row of tiles: all threads on columns
    public void Grid_minimizes_packing_per_thread(int threads, int m, int n, int rows, int cols)
    {
        var grid = GemmThreading.ChooseGrid(threads, m, n, (m + 7) / 8, (n + 31) / 32);
        Assert.Equal((rows, cols), grid);
    }
}
