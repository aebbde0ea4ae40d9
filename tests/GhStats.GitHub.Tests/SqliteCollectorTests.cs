using GhStats.Storage.Conformance.Databases;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The collector storing into SQLite.</summary>
public sealed class SqliteCollectorTests(SqliteDatabaseFixture database) : CollectorTests(database), IClassFixture<SqliteDatabaseFixture>;

/// <summary>The collector's outgoing requests, storing into SQLite (what they test does not depend on the store).</summary>
public sealed class SqliteOutgoingRequestTests(SqliteDatabaseFixture database) : OutgoingRequestTests(database), IClassFixture<SqliteDatabaseFixture>;

/// <summary>The star history backfill storing into SQLite.</summary>
public sealed class SqliteStarBackfillTests(SqliteDatabaseFixture database) : StarBackfillTests(database), IClassFixture<SqliteDatabaseFixture>;

/// <summary>Collector replicas sharing one SQLite file.</summary>
public sealed class SqliteReplicaTests(SqliteDatabaseFixture database) : ReplicaTests(database), IClassFixture<SqliteDatabaseFixture>;
