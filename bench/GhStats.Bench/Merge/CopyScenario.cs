using Npgsql;
using NpgsqlTypes;

namespace GhStats.Bench.Merge;

/// <summary>
/// A harder baseline on PostgreSQL, for reference: the same rows through COPY ... FROM STDIN (FORMAT BINARY), one COPY
/// and one transaction per repository. The fastest way in; no statement the store could run comes close.
/// </summary>
internal sealed class CopyScenario : IMergeScenario
{
    public const string Name = "COPY binary import (reference)";

    public bool RunsOn(StoreUnderTest store) => store is PostgresStoreUnderTest;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds);
        var copy = $"COPY {store.Dialect.Table("traffic_daily")} ({string.Join(", ", TrafficBatchWriter.Columns)}) FROM STDIN (FORMAT BINARY)";

        var timing = await Timed.RunAsync(store, async () =>
        {
            await using var connection = (NpgsqlConnection)await database.OpenAsync();
            foreach (var days in rows)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using (var importer = await connection.BeginBinaryImportAsync(copy))
                {
                    foreach (var d in days)
                    {
                        await importer.StartRowAsync();
                        await importer.WriteAsync(d.RepositoryId, NpgsqlDbType.Bigint);
                        await importer.WriteAsync(d.Day, NpgsqlDbType.Date);
                        await importer.WriteAsync(d.Views, NpgsqlDbType.Integer);
                        await importer.WriteAsync(d.UniqueViews, NpgsqlDbType.Integer);
                        await importer.WriteAsync(d.Clones, NpgsqlDbType.Integer);
                        await importer.WriteAsync(d.UniqueClones, NpgsqlDbType.Integer);
                    }

                    await importer.CompleteAsync();
                }

                await transaction.CommitAsync();
            }
        });

        (await database.ChecksumAsync()).ShouldEqual(data.Expected(data.Repositories), Name);
        return [new Measurement(Name, (long)data.Repositories * data.Days, timing)];
    }
}
