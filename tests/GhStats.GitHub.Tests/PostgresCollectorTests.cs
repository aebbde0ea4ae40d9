using GhStats.Storage.Conformance.Databases;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The collector storing into PostgreSQL.</summary>
public sealed class PostgresCollectorTests(PostgresDatabaseFixture database) : CollectorTests(database), IClassFixture<PostgresDatabaseFixture>;
