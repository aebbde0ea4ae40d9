using Xunit;
using Xunit.Sdk;

namespace GhStats.Storage.Conformance;

/// <summary>A <see cref="TheoryAttribute"/> that honours <see cref="SkipUnlessEnvironmentAttribute"/> on the concrete test class.</summary>
[XunitTestCaseDiscoverer("GhStats.Storage.Conformance.StoreTheoryDiscoverer", "GhStats.Storage.Conformance")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreTheoryAttribute : TheoryAttribute;
