using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests: skipped with the reason when the class's environment is missing, else as facts.</summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        SkipUnlessEnvironmentAttribute.ReasonToSkip(testMethod) is { } reason
            ? [
                new XunitSkippedDataRowTestCase(
                    diagnosticMessageSink,
                    discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(),
                    testMethod,
                    reason),
            ]
            : _facts.Discover(discoveryOptions, testMethod, factAttribute);
}
