using Xunit.Abstractions;
using Xunit.Sdk;

namespace Keel.Tuning.Tests.Storage;

/// <summary>Marks a storage contract test class whose storage is PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>A [Fact] of the storage contract suite. It runs for every derived class, except that in a
/// class marked <see cref="RequiresPostgresAttribute"/> it follows <see cref="PostgresFactAttribute"/>'s
/// rule: skipped at discovery only when <c>KEEL_TEST_POSTGRES</c> is unset and <c>CI</c> is not
/// <c>true</c>; in CI a missing server fails the tests, never skips them.</summary>
[XunitTestCaseDiscoverer("Keel.Tuning.Tests.Storage.StorageFactDiscoverer", "Keel.Tuning.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>Discovers <see cref="StorageFactAttribute"/> tests, deciding the skip per concrete class.</summary>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        bool needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && PostgresServer.SkipReason is { } reason)
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
