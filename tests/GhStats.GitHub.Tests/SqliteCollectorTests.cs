using GhStats.Storage.Conformance.Databases;
using Xunit;

namespace GhStats.GitHub.Tests;

/// <summary>The collector storing into SQLite.</summary>
public sealed class SqliteCollectorTests(SqliteDatabaseFixture database) : CollectorTests(database), IClassFixture<SqliteDatabaseFixture>;
