using GhStats.Storage.Conformance;
using Xunit;

namespace GhStats.Db2.Tests;

/// <summary>The storage conformance suite on a live Db2, when GHSTATS_TEST_DB2 names one; reported as skipped otherwise.</summary>
[SkipUnlessEnvironment(Db2DatabaseFixture.Variable, Db2DatabaseFixture.SkipReason)]
public sealed class Db2StoreConformanceTests(Db2DatabaseFixture database)
    : StoreConformanceTests(database), IClassFixture<Db2DatabaseFixture>;
