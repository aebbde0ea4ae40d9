using System.Diagnostics.Metrics;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task Merge_RecordsTheRowsItWrote_PerTable_TimedByTheInjectedClock()
    {
        await using var services = Database.BuildServices(Clock, s => s.AddMetrics());
        using var metrics = new MetricRecorder(services.GetRequiredService<IMeterFactory>());
        var traffic = services.GetRequiredService<ITrafficStore>();
        var repo = await NewRepositoryAsync();
        var day = Today.AddDays(-3);

        // Four days in, one of them twice: the store folds the repeat, so three rows are merged.
        await traffic.MergeTrafficDaysAsync(
        [
            new TrafficDay(repo.Id, day, 1, 1, 0, 0), new TrafficDay(repo.Id, day, 4, 2, 0, 0),
            new TrafficDay(repo.Id, day.AddDays(1), 2, 1, 0, 0), new TrafficDay(repo.Id, day.AddDays(2), 3, 1, 1, 1),
        ]);
        await traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repo.Id, Today, "github.com", 5, 2), new ReferrerSnapshot(repo.Id, Today, "example.com", 1, 1)]);
        await traffic.MergeTrafficWeeksAsync([]);

        var rows = metrics.Of("ghstats.store.merge.rows");
        rows.Where(m => m.Tag("table") == "traffic_daily").Sum(m => m.Value).ShouldBe(3);
        rows.Where(m => m.Tag("table") == "referrer_snapshots").Sum(m => m.Value).ShouldBe(2);
        rows.ShouldNotContain(m => m.Tag("table") == "traffic_weekly", "an empty merge writes nothing and records nothing");

        // The fake clock stands still, so a merge timed by it takes no time at all; the system clock would show some.
        var durations = metrics.Of("ghstats.store.merge.duration");
        durations.Select(m => m.Tag("table")).ShouldBe(["traffic_daily", "referrer_snapshots"]);
        durations.ShouldAllBe(m => m.Value == 0);
    }
}
