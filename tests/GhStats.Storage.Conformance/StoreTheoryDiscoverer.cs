using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>
/// Discovers <see cref="StoreTheoryAttribute"/> tests: one skipped test with the reason when the class's environment is
/// missing (its data is never enumerated), else as theories.
/// </summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _theories = new(diagnosticMessageSink);

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
            : _theories.Discover(discoveryOptions, testMethod, factAttribute);
}
