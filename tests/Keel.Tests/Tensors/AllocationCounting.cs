namespace Keel.Tests.Tensors;

/// <summary>
/// Tests that count this thread's pool allocations run alone: the pool is shared, and a test on
/// another thread that takes a free buffer of the same length would force an allocation here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCounting
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Allocation counting";
}
