using Xunit;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>A <see cref="FactAttribute"/> that honours <see cref="SkipUnlessEnvironmentAttribute"/> on the concrete test class.</summary>
[XunitTestCaseDiscoverer("GhStats.Storage.Conformance.StoreFactDiscoverer", "GhStats.Storage.Conformance")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;
