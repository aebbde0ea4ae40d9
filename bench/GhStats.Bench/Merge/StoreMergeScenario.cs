using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Bench.Merge;

/// <summary>
/// What is judged: ITrafficStore.MergeTrafficDaysAsync, one call per repository with its whole history, as the collector
/// writes; first into an empty table, then the same calls again, where every row conflicts and nothing changes.
/// </summary>
internal sealed class StoreMergeScenario : IMergeScenario
{
    public const string IntoEmpty = "merge into empty (ITrafficStore)";
    public const string Again = "merge again, all conflicts (ITrafficStore)";

    public bool RunsOn(StoreUnderTest store) => true;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds);
        var traffic = database.Traffic;
        var expected = data.Expected(data.Repositories);
        var written = (long)data.Repositories * data.Days;

        Task MergeAll() => MergeAllAsync(traffic, rows);

        var intoEmpty = await Timed.RunAsync(store, MergeAll);
        (await database.ChecksumAsync()).ShouldEqual(expected, IntoEmpty);

        var again = await Timed.RunAsync(store, MergeAll);
        (await database.ChecksumAsync()).ShouldEqual(expected, Again);

        return [new Measurement(IntoEmpty, written, intoEmpty), new Measurement(Again, written, again)];
    }

    /// <summary>Writes every repository's rows as the collector does: one merge call per repository.</summary>
    /// <param name="traffic">GhStats' traffic store.</param>
    /// <param name="rows">One array per repository, from <see cref="TrafficData.RowsFor"/>.</param>
    /// <returns>A task that completes once all are stored.</returns>
    public static async Task MergeAllAsync(ITrafficStore traffic, IEnumerable<TrafficDay[]> rows)
    {
        foreach (var days in rows)
        {
            await traffic.MergeTrafficDaysAsync(days);
        }
    }
}
