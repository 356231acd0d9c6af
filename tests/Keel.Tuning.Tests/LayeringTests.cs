using System.Reflection;

namespace Keel.Tuning.Tests;

public sealed class LayeringTests
{
    private static readonly Assembly Tuning = typeof(Study).Assembly;

    private static bool IsIntegration(Type type) => type.Namespace == "Keel.Tuning.Integration";

    private static bool IsOtherKeel(Type type)
    {
        string name = type.Assembly.GetName().Name!;
        return name.StartsWith("Keel", StringComparison.Ordinal) && name != "Keel.Tuning";
    }

    [Fact]
    public void Only_the_integration_folder_references_keel_training()
    {
        var keel = Tuning.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Keel", StringComparison.Ordinal));
        Assert.Equal(["Keel"], keel);
        var offending = Tuning.GetTypes().Where(t => !IsIntegration(t))
            .SelectMany(t => TypeUses.Of(t).Where(IsOtherKeel).Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct().ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void The_scan_sees_the_integration_folder_use_the_trainer()
    {
        // The check above could pass by seeing nothing; here the same scan finds the known uses.
        var used = Tuning.GetTypes().Where(IsIntegration).SelectMany(TypeUses.Of).Where(IsOtherKeel).Select(t => t.Name).ToHashSet();
        Assert.Contains("Trainer", used);
        Assert.Contains("MetricMonitor", used);
        Assert.Contains("EarlyStopping", used);
    }
}
