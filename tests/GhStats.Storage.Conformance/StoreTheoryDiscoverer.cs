using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> tests: one skipped test with the reason when the class's environment is missing, else as theories.</summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink)
    : EnvironmentSkippingDiscoverer(diagnosticMessageSink, new TheoryDiscoverer(diagnosticMessageSink));
