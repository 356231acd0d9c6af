namespace Keel.Tuning.Tests;

public sealed class LayeringTests
{
    [Fact]
    public void The_tuning_core_references_no_other_keel_assembly()
    {
        // The core knows nothing of training; only an Integration/ folder may, once it exists.
        var keel = typeof(Study).Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Keel", StringComparison.Ordinal));
        Assert.Empty(keel);
    }
}
