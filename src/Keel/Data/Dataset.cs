using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Examples held in memory: a features tensor <c>[N, …]</c> and a targets tensor <c>[N]</c> or
/// <c>[N, …]</c> whose first axes agree, like PyTorch's <c>TensorDataset</c>.
/// </summary>
/// <remarks>
/// Class targets and token indices are whole numbers stored as float32 (exact up to 2²⁴). The
/// dataset owns its two tensors; they record no graph and require no gradient.
/// </remarks>
public sealed class Dataset
{
    /// <summary>A dataset over <paramref name="features"/> and <paramref name="targets"/> (not copied).</summary>
    /// <exception cref="ArgumentException">A tensor is a scalar, or the first axes differ.</exception>
    public Dataset(Tensor features, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Rank == 0 || targets.Rank == 0)
            throw new ArgumentException($"features {features.Shape} and targets {targets.Shape} need a first axis that counts the examples");
        if (features.Shape[0] != targets.Shape[0])
            throw new ArgumentException($"features {features.Shape} and targets {targets.Shape} hold different numbers of examples");
        Features = features;
        Targets = targets;
    }

    /// <summary>The inputs, <c>[N, …]</c>.</summary>
    public Tensor Features { get; }

    /// <summary>The targets, <c>[N]</c> or <c>[N, …]</c>.</summary>
    public Tensor Targets { get; }

    /// <summary>Number of examples N.</summary>
    public int Count => Features.Shape[0];

    /// <summary>The shape of one example's features (the features' shape without the first axis).</summary>
    public Shape ExampleShape => Shape.Create(Features.Shape.Dims[1..]);

    /// <summary>The shape of one example's target (the targets' shape without the first axis).</summary>
    public Shape TargetShape => Shape.Create(Targets.Shape.Dims[1..]);

    /// <summary>A new dataset holding copies of the examples at <paramref name="indices"/>, in that order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside <c>[0, Count)</c>.</exception>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        var features = Tensor.Pooled(WithCount(Features.Shape, indices.Length), clear: false);
        var targets = Tensor.Pooled(WithCount(Targets.Shape, indices.Length), clear: false);
        Gather(Features, indices, features.Data);
        Gather(Targets, indices, targets.Data);
        return new Dataset(features, targets);
    }

    /// <summary>
    /// Splits into train, validation and test sets by fractions of <see cref="Count"/>, after a
    /// shuffle seeded by <paramref name="seed"/> (or in order when <paramref name="shuffle"/> is false).
    /// </summary>
    /// <remarks>
    /// Sizes follow makemore: <c>n₁ = ⌊train·N⌋</c>, <c>n₂ = ⌊(train + validation)·N⌋</c>; train
    /// takes the first n₁ examples of the shuffled order, validation the next <c>n₂ − n₁</c>, test the
    /// rest. The fractions must be non-negative and sum to 1. The shuffle is Fisher–Yates with a
    /// <see cref="Generator"/> seeded by <paramref name="seed"/> (so it differs from Python's
    /// <c>random.shuffle</c>), like <c>torch.utils.data.random_split</c> with a seeded generator.
    /// </remarks>
    public DatasetSplit Split(double train, double validation, double test, ulong seed = 42, bool shuffle = true)
        => SplitBy(SplitPlan.FromFractions(Count, train, validation, test), seed, shuffle);

    /// <summary>
    /// Splits into train, validation and test sets of the given sizes, after a shuffle seeded by
    /// <paramref name="seed"/> (or in order when <paramref name="shuffle"/> is false).
    /// </summary>
    /// <remarks>The sizes must sum to at most <see cref="Count"/>; examples beyond their sum are left out.</remarks>
    public DatasetSplit Split(int train, int validation, int test, ulong seed = 42, bool shuffle = true)
        => SplitBy(SplitPlan.FromCounts(Count, train, validation, test), seed, shuffle);

    private DatasetSplit SplitBy(SplitPlan plan, ulong seed, bool shuffle)
    {
        var order = plan.Order(seed, shuffle);
        return new DatasetSplit(
            Subset(order.AsSpan(0, plan.Train)),
            Subset(order.AsSpan(plan.Train, plan.Validation)),
            Subset(order.AsSpan(plan.Train + plan.Validation, plan.Test)));
    }

    /// <summary>Copies the rows at <paramref name="indices"/> of a <c>[N, …]</c> tensor into <paramref name="destination"/>.</summary>
    internal static void Gather(Tensor source, ReadOnlySpan<int> indices, Span<float> destination)
    {
        int count = source.Shape[0];
        int row = count == 0 ? 0 : source.Size / count;
        var data = source.Data;
        for (int i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {index} is outside a dataset of {count} examples");
            data.Slice(index * row, row).CopyTo(destination.Slice(i * row, row));
        }
    }

    /// <summary><paramref name="shape"/> with its first axis replaced by <paramref name="count"/>.</summary>
    internal static Shape WithCount(Shape shape, int count)
    {
        Span<int> dims = stackalloc int[shape.Rank];
        shape.Dims.CopyTo(dims);
        dims[0] = count;
        return new Shape(dims);
    }
}
