namespace GhStats.Bench.Merge;

/// <summary>
/// The baseline: the same rows as plain multi-row INSERTs with no conflict handling, through the provider's own ADO.NET
/// classes, batched and committed as the store does. What writing costs before any merge logic.
/// </summary>
internal sealed class BulkInsertScenario : IMergeScenario
{
    public const string Name = "bulk insert (baseline): plain multi-row INSERT";

    public bool RunsOn(StoreUnderTest store) => true;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds);
        var writer = new TrafficBatchWriter(store.Dialect, n => TrafficBatchWriter.PlainInsert(store.Dialect, n));

        var timing = await Timed.RunAsync(store, async () =>
        {
            await using var connection = await database.OpenAsync();
            await writer.WriteAsync(connection, rows);
        });

        (await database.ChecksumAsync()).ShouldEqual(data.Expected(data.Repositories), Name);
        return [new Measurement(Name, (long)data.Repositories * data.Days, timing)];
    }
}
