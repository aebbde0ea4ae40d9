using GhStats.Domain;

namespace GhStats.Bench.Merge;

/// <summary>
/// What daily collection really does: each day, every repository's last 14 days merged again (one call per repository),
/// so each day is written 14 times and 13 of every 14 rows conflict. Run on a sample of the repositories; compared by
/// rows written per second.
/// </summary>
/// <param name="sampleRepositories">Repositories in the sample.</param>
internal sealed class OverlappingWindowsScenario(int sampleRepositories) : IMergeScenario
{
    public const int WindowDays = 14;
    public const string Name = "merge overlapping 14-day windows (ITrafficStore)";

    public bool RunsOn(StoreUnderTest store) => sampleRepositories > 0;

    public async Task<IReadOnlyList<Measurement>> RunAsync(StoreUnderTest store, TrafficData data)
    {
        var sample = Math.Min(sampleRepositories, data.Repositories);
        await using var database = await store.CreateDatabaseAsync(data.Repositories);
        var rows = data.RowsFor(database.RepositoryIds.Take(sample).ToList());
        var traffic = database.Traffic;
        var windows = data.Days - WindowDays + 1;

        var timing = await Timed.RunAsync(store, async () =>
        {
            // Day by day, as the daily collection runs: that day's window for every repository in turn.
            for (var start = 0; start < windows; start++)
            {
                foreach (var days in rows)
                {
                    await traffic.MergeTrafficDaysAsync(new ArraySegment<TrafficDay>(days, start, WindowDays));
                }
            }
        });

        (await database.ChecksumAsync()).ShouldEqual(data.Expected(sample), Name);
        return [new Measurement(Name, (long)sample * windows * WindowDays, timing)];
    }
}
