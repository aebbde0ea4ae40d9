using Xunit.Abstractions;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests: skipped with the reason when the class's environment is missing, else as facts.</summary>
/// <param name="diagnosticMessageSink">xunit's diagnostics.</param>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
    : EnvironmentSkippingDiscoverer(diagnosticMessageSink, new FactDiscoverer(diagnosticMessageSink));
