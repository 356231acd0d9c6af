using System.Numerics.Tensors;
using Keel.Kernels.Reductions;

namespace Keel.Kernels.Tests.Reductions;

/// <summary>The one-call row loops against adding the rows one at a time, bit for bit.</summary>
public sealed class ColumnKernelsTests
{
    public static TheoryData<int, int> Shapes() => new()
    {
        { 1, 1 }, { 3, 7 }, { 32, 8 }, { 32, 27 }, { 13, 40 }, { 5, 64 }, { 32, 65 }, { 32, 200 }, { 4, 1030 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Column_sums_add_the_rows_in_order(int rows, int columns)
    {
        var random = new Random(rows * 1000 + columns);
        var matrix = Values(random, rows * columns);
        var start = Values(random, columns);

        var expected = (float[])start.Clone();
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(expected, matrix.AsSpan(r * columns, columns), expected);
        var sums = (float[])start.Clone();
        ColumnKernels.AccumulateSums(matrix, sums);

        Assert.Equal(Bits(expected), Bits(sums));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_row_is_added_to_every_row(int rows, int columns)
    {
        var random = new Random(rows * 1000 + columns + 1);
        var matrix = Values(random, rows * columns);
        var row = Values(random, columns);

        var expected = (float[])matrix.Clone();
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(expected.AsSpan(r * columns, columns), row, expected.AsSpan(r * columns, columns));
        ColumnKernels.AddToEveryRow(matrix, row);

        Assert.Equal(Bits(expected), Bits(matrix));
    }

    [Fact]
    public void A_block_that_is_not_whole_rows_is_refused_with_its_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => ColumnKernels.AccumulateSums(new float[10], new float[3]));
        Assert.Contains("10 values do not form rows of 3 columns", error.Message);
        error = Assert.Throws<ArgumentException>(() => ColumnKernels.AddToEveryRow(new float[10], new float[4]));
        Assert.Contains("10 values do not form rows of 4 columns", error.Message);
    }

    private static float[] Values(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2000 - 1000) * (float)Math.Pow(10, random.Next(-6, 3));
        return values;
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
