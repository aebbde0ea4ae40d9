using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>
/// Discovers store tests: one skipped test carrying the reason when the class's <see cref="SkipUnlessEnvironmentAttribute"/>
/// is unmet (a theory's data is then never read), else exactly as <paramref name="inner"/> discovers them.
/// </summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
/// <param name="inner">xunit's own discoverer for the attribute.</param>
public abstract class EnvironmentSkippingDiscoverer(IMessageSink diagnosticMessageSink, IXunitTestCaseDiscoverer inner) : IXunitTestCaseDiscoverer
{
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
            : inner.Discover(discoveryOptions, testMethod, factAttribute);
}
