using Microsoft.Data.Sqlite;

namespace GhStats.Bench.Merge;

/// <summary>
/// A harder baseline on SQLite, for reference: one single-row INSERT prepared once and run for every row with new
/// parameter values, one transaction per repository (Microsoft.Data.Sqlite's documented bulk-insert pattern). SQLite's
/// counterpart of PostgreSQL's COPY: the fastest plain way in, where a multi-row statement pays for binding many named
/// parameters.
/// </summary>
internal sealed class PreparedInsertScenario : IMergeScenario
{
    public const string Name = "prepared single-row INSERT, reused (reference)";

    public bool RunsOn(StoreUnderTest store) => store is SqliteStoreUnderTest;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds);

        var timing = await Timed.RunAsync(store, async () =>
        {
            await using var connection = (SqliteConnection)await database.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = TrafficBatchWriter.PlainInsert(store.Dialect, 1);
            var parameters = TrafficBatchWriter.Columns
                .Select(c => command.Parameters.Add("@" + c + "_0", c == "day" ? SqliteType.Text : SqliteType.Integer))
                .ToArray();
            foreach (var days in rows)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                command.Transaction = (SqliteTransaction)transaction;
                foreach (var d in days)
                {
                    parameters[0].Value = d.RepositoryId;
                    parameters[1].Value = store.Dialect.DateValue(d.Day).Value;
                    parameters[2].Value = d.Views;
                    parameters[3].Value = d.UniqueViews;
                    parameters[4].Value = d.Clones;
                    parameters[5].Value = d.UniqueClones;
                    await command.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        });

        (await database.ChecksumAsync()).ShouldEqual(data.Expected(data.Repositories), Name);
        return [new Measurement(Name, (long)data.Repositories * data.Days, timing)];
    }
}
