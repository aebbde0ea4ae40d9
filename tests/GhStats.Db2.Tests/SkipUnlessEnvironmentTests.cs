using GhStats.Storage.Conformance;
using Shouldly;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>
/// The skip mechanism the Db2 suite relies on. Both tests fail if they ever run without GHSTATS_TEST_DB2, so they pass only
/// by being skipped without it (dotnet test lists them as skipped with the reason) or by running with it.
/// </summary>
[SkipUnlessEnvironment(Db2DatabaseFixture.Variable, Db2DatabaseFixture.SkipReason)]
public sealed class SkipUnlessEnvironmentTests
{
    [StoreFact]
    public void StoreFact_RunsOnlyWhenTheVariableIsSet() =>
        Environment.GetEnvironmentVariable(Db2DatabaseFixture.Variable).ShouldNotBeNullOrWhiteSpace();

    [StoreTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void StoreTheory_RunsOnlyWhenTheVariableIsSet(int row)
    {
        row.ShouldBeGreaterThan(0);
        Environment.GetEnvironmentVariable(Db2DatabaseFixture.Variable).ShouldNotBeNullOrWhiteSpace();
    }
}
