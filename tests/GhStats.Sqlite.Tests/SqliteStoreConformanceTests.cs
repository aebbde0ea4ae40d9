using GhStats.Storage.Conformance.Databases;
using GhStats.Storage.Conformance;
using Xunit;

namespace GhStats.Sqlite.Tests;

/// <summary>The storage conformance suite on a SQLite file.</summary>
public sealed class SqliteStoreConformanceTests(SqliteDatabaseFixture database)
    : StoreConformanceTests(database), IClassFixture<SqliteDatabaseFixture>;
