namespace Keel.Tests;

/// <summary>
/// Tests that count the buffer pool's allocations run alone, after the parallel tests: the pool is
/// shared, so a test on another thread could take a returned buffer of the same length and force
/// the counted loop to allocate.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCountingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Allocation counting";
}
