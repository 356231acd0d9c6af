namespace Keel.Tests;

/// <summary>
/// Tests that count buffer-pool allocations run alone: the pool is shared by the process, so a test
/// running beside them can rent a buffer the counted loop just returned and force it to allocate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCounting
{
    /// <summary>The collection's name, for <c>[Collection(AllocationCounting.Name)]</c>.</summary>
    public const string Name = "Allocation counting";
}
