using Keel.Tensors;

namespace Keel.Data;

/// <summary>The sizes of a three-way split of N items and the order the items are taken in.</summary>
internal readonly record struct SplitPlan(int Count, int Train, int Validation, int Test)
{
    /// <summary>Sizes by fractions, as makemore: <c>n₁ = ⌊train·N⌋</c>, <c>n₂ = ⌊(train + validation)·N⌋</c>, test the rest.</summary>
    public static SplitPlan FromFractions(int count, double train, double validation, double test)
    {
        foreach (var (name, value) in new[] { ("train", train), ("validation", validation), ("test", test) })
        {
            if (!(value >= 0 && value <= 1))
                throw new ArgumentOutOfRangeException(name, $"split fraction {name} must be in [0, 1], got {value}");
        }
        double sum = train + validation + test;
        if (Math.Abs(sum - 1) > 1e-6)
            throw new ArgumentException($"split fractions must sum to 1, got train {train} + validation {validation} + test {test} = {sum}");
        // The small slack keeps 0.7 + 0.2 = 0.8999… from losing an item to rounding.
        int first = (int)Math.Floor(train * count + 1e-9);
        int second = Math.Min(count, (int)Math.Floor((train + validation) * count + 1e-9));
        return new SplitPlan(count, first, second - first, count - second);
    }

    /// <summary>Sizes given directly; they may leave items out but not ask for more than there are.</summary>
    public static SplitPlan FromCounts(int count, int train, int validation, int test)
    {
        foreach (var (name, value) in new[] { ("train", train), ("validation", validation), ("test", test) })
        {
            if (value < 0) throw new ArgumentOutOfRangeException(name, $"split size {name} must not be negative, got {value}");
        }
        long sum = (long)train + validation + test;
        if (sum > count)
            throw new ArgumentException($"split sizes train {train} + validation {validation} + test {test} = {sum} exceed the {count} items available");
        return new SplitPlan(count, train, validation, test);
    }

    /// <summary>Item indices in the order the parts take them: shuffled by a generator seeded with <paramref name="seed"/>, or <c>0…N−1</c>.</summary>
    public int[] Order(ulong seed, bool shuffle)
    {
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (shuffle) new Generator(seed).Shuffle(order.AsSpan());
        return order;
    }
}
