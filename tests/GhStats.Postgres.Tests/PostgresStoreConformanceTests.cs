using GhStats.Storage.Conformance.Databases;
using GhStats.Storage.Conformance;
using Xunit;

namespace GhStats.Postgres.Tests;

/// <summary>The storage conformance suite on a real PostgreSQL server.</summary>
public sealed class PostgresStoreConformanceTests(PostgresDatabaseFixture database)
    : StoreConformanceTests(database), IClassFixture<PostgresDatabaseFixture>;
