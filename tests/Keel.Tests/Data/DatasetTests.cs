using Keel.Data;
using Keel.Tensors;

namespace Keel.Tests.Data;

public sealed class DatasetTests
{
    /// <summary>Example i has features [i, 10 + i] and target i, so rows can be traced after a shuffle.</summary>
    internal static Dataset Numbered(int count)
    {
        var features = new float[count * 2];
        var targets = new float[count];
        for (int i = 0; i < count; i++) (features[2 * i], features[2 * i + 1], targets[i]) = (i, 10 + i, i);
        return new Dataset(Tensor.FromArray(features, [count, 2]), Tensor.FromArray(targets));
    }

    private static float[] Ids(Dataset part) => part.Targets.ToArray();

    [Fact]
    public void Features_and_targets_with_different_counts_are_rejected_naming_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Dataset(Tensor.Zeros([4, 3]), Tensor.Zeros([5])));
        Assert.Contains("[4, 3]", error.Message);
        Assert.Contains("[5]", error.Message);
    }

    [Fact]
    public void Subset_copies_whole_rows_in_the_given_order()
    {
        var subset = Numbered(5).Subset([3, 0, 3]);
        Assert.Equal([3, 2], subset.Features.Shape.ToArray());
        Assert.Equal([3f, 13f, 0f, 10f, 3f, 13f], subset.Features.ToArray());
        Assert.Equal([3f, 0f, 3f], subset.Targets.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(5).Subset([5]));
    }

    [Theory]
    [InlineData(10, 8, 1, 1)]
    [InlineData(32033, 25626, 3203, 3204)] // makemore: n1 = int(0.8 * 32033), n2 = int(0.9 * 32033)
    [InlineData(150, 120, 15, 15)]
    public void Fractions_give_makemore_sizes(int count, int train, int validation, int test)
    {
        var split = Numbered(count).Split(train: 0.8, validation: 0.1, test: 0.1, seed: 42);
        Assert.Equal((train, validation, test), (split.Train.Count, split.Validation.Count, split.Test.Count));
    }

    [Fact]
    public void The_parts_are_disjoint_and_cover_every_example()
    {
        var split = Numbered(97).Split(train: 0.7, validation: 0.2, test: 0.1, seed: 3);
        var all = Ids(split.Train).Concat(Ids(split.Validation)).Concat(Ids(split.Test)).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 97).Select(i => (float)i), all);
        Assert.Equal((67, 20, 10), (split.Train.Count, split.Validation.Count, split.Test.Count));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var data = Numbered(50);
        var a = data.Split(0.8, 0.1, 0.1, seed: 7);
        var b = data.Split(0.8, 0.1, 0.1, seed: 7);
        var c = data.Split(0.8, 0.1, 0.1, seed: 8);
        Assert.Equal(Ids(a.Train), Ids(b.Train));
        Assert.Equal(Ids(a.Test), Ids(b.Test));
        Assert.NotEqual(Ids(a.Train), Ids(c.Train));
        Assert.NotEqual(Enumerable.Range(0, 40).Select(i => (float)i), Ids(a.Train));
    }

    [Fact]
    public void Without_shuffle_the_parts_keep_file_order()
    {
        var split = Numbered(10).Split(0.6, 0.2, 0.2, shuffle: false);
        Assert.Equal([0f, 1, 2, 3, 4, 5], Ids(split.Train));
        Assert.Equal([6f, 7], Ids(split.Validation));
        Assert.Equal([8f, 9], Ids(split.Test));
    }

    [Fact]
    public void Counts_split_exactly_and_may_leave_examples_out()
    {
        var split = Numbered(10).Split(train: 5, validation: 2, test: 1, seed: 1);
        Assert.Equal((5, 2, 1), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(8, Ids(split.Train).Concat(Ids(split.Validation)).Concat(Ids(split.Test)).Distinct().Count());
        var error = Assert.Throws<ArgumentException>(() => Numbered(10).Split(train: 8, validation: 2, test: 1));
        Assert.Contains("11", error.Message);
    }

    [Fact]
    public void Fractions_that_do_not_sum_to_one_or_are_negative_are_rejected()
    {
        Assert.Contains("sum to 1", Assert.Throws<ArgumentException>(() => Numbered(10).Split(0.8, 0.1, 0.2)).Message);
        Assert.Contains("-0.1", Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(10).Split(0.9, -0.1, 0.2)).Message);
    }
}
