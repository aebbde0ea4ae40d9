using GhStats.Storage.Sql;

namespace GhStats.Bench.Merge;

/// <summary>
/// A diagnostic, not a target: the store's own merge statement (rendered by its dialect) run through the bulk insert's
/// plain ADO.NET loop. Against the bulk insert it prices the conflict handling in the database; against the store's merge
/// it prices the store's own work per call (validation, connection, checks).
/// </summary>
internal sealed class UpsertSqlScenario : IMergeScenario
{
    public const string IntoEmpty = "diagnostic: store's upsert SQL via plain ADO.NET, into empty";
    public const string Again = "diagnostic: store's upsert SQL via plain ADO.NET, again";

    // The columns and rules of GhStats.Storage's TrafficStatements.DailyShape (internal there).
    public static readonly MergeShape DailyShape = new("traffic_daily",
    [
        new("repo_id", ColumnType.Identifier), new("day", ColumnType.Date),
        new("views", ColumnType.Count, MergeRule.Max), new("unique_views", ColumnType.Count, MergeRule.Max),
        new("clones", ColumnType.Count, MergeRule.Max), new("unique_clones", ColumnType.Count, MergeRule.Max),
    ]);

    public bool RunsOn(StoreUnderTest store) => true;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds);
        var writer = new TrafficBatchWriter(store.Dialect, n => store.Dialect.Merge(DailyShape, n));
        var expected = data.Expected(data.Repositories);
        var written = (long)data.Repositories * data.Days;

        async Task UpsertAll()
        {
            await using var connection = await database.OpenAsync();
            await writer.WriteAsync(connection, rows);
        }

        var intoEmpty = await Timed.RunAsync(store, UpsertAll);
        (await database.ChecksumAsync()).ShouldEqual(expected, IntoEmpty);

        var again = await Timed.RunAsync(store, UpsertAll);
        (await database.ChecksumAsync()).ShouldEqual(expected, Again);

        return [new Measurement(IntoEmpty, written, intoEmpty), new Measurement(Again, written, again)];
    }
}
