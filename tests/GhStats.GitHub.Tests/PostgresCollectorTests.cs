using GhStats.Storage.Conformance.Databases;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The collector storing into PostgreSQL.</summary>
public sealed class PostgresCollectorTests(PostgresDatabaseFixture database) : CollectorTests(database), IClassFixture<PostgresDatabaseFixture>;

/// <summary>The star history backfill storing into PostgreSQL.</summary>
public sealed class PostgresStarBackfillTests(PostgresDatabaseFixture database) : StarBackfillTests(database), IClassFixture<PostgresDatabaseFixture>;

/// <summary>Collector replicas sharing one PostgreSQL database.</summary>
public sealed class PostgresReplicaTests(PostgresDatabaseFixture database) : ReplicaTests(database), IClassFixture<PostgresDatabaseFixture>;
