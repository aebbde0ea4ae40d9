using System.Data.Common;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace GhStats.Bench.Merge;

/// <summary>A migrated database with the benchmark's tenants and repositories and an empty traffic_daily; deleted on dispose.</summary>
internal sealed class FreshDatabase : IAsyncDisposable
{
    private readonly StoreUnderTest _store;
    private readonly ServiceProvider _services;

    public FreshDatabase(StoreUnderTest store, string connectionString, ServiceProvider services, IReadOnlyList<long> repositoryIds)
    {
        _store = store;
        _services = services;
        ConnectionString = connectionString;
        RepositoryIds = repositoryIds;
    }

    public string ConnectionString { get; }

    /// <summary>The database's ids of repositories 0, 1, 2...</summary>
    public IReadOnlyList<long> RepositoryIds { get; }

    /// <summary>GhStats' traffic store over this database.</summary>
    public ITrafficStore Traffic => _services.GetRequiredService<ITrafficStore>();

    /// <summary>Any of GhStats' services over this database (the import benchmark's store ports).</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <returns>The service.</returns>
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Opens a plain connection with the store's session settings.</summary>
    /// <returns>The open connection.</returns>
    public Task<DbConnection> OpenAsync() => _store.OpenAsync(ConnectionString);

    /// <summary>Reads the row count and column sums of traffic_daily.</summary>
    /// <returns>The checksum.</returns>
    public async Task<TrafficChecksum> ChecksumAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The table name comes from the store's dialect.
        command.CommandText =
            "SELECT COUNT(*), SUM(CAST(views AS BIGINT)), SUM(CAST(unique_views AS BIGINT)), SUM(CAST(clones AS BIGINT)), SUM(CAST(unique_clones AS BIGINT)) " +
            $"FROM {_store.Dialect.Table("traffic_daily")}";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        long Read(int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
        return new TrafficChecksum(Read(0), Read(1), Read(2), Read(3), Read(4));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _store.DropDatabaseAsync(ConnectionString);
    }
}
