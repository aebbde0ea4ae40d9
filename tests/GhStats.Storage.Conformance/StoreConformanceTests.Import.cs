using GhStats.Domain;
using Shouldly;

namespace GhStats.Storage.Conformance;

/// <summary>Imported history: days merge by the maximum with their proven coverage, in one transaction per repository.</summary>
public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task MergeImportedHistory_KeepsTheMaximumAndTheBetterCoverage_AndASecondImportChangesNothing()
    {
        var repo = await NewRepositoryAsync();
        var day = Today.AddDays(-40);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, day, 10, 2, 1, 1)]);
        var history = new ImportedHistory(
            repo.Id,
            [
                new CoveredTrafficDay(new TrafficDay(repo.Id, day, 8, 5, 0, 0), DayCoverage.Complete),
                new CoveredTrafficDay(new TrafficDay(repo.Id, day.AddDays(1), 3, 1, 0, 0), DayCoverage.Partial),
                new CoveredTrafficDay(new TrafficDay(repo.Id, day.AddDays(1), 2, 2, 1, 1), DayCoverage.Partial),
            ],
            [new ReferrerSnapshot(repo.Id, day, "google.com", 12, 4)],
            [new PathSnapshot(repo.Id, day, "/o/r", "", 7, 3)]);

        await Traffic.MergeImportedHistoryAsync(history);
        await Traffic.MergeImportedHistoryAsync(history);

        var points = (await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(day.AddDays(-1), day.AddDays(2)), TrafficPeriod.Day)).Points;
        points.ShouldBe(
        [
            TrafficPoint.ForDay(day.AddDays(-1), DayCoverage.NotCollected, 0, 0, 0, 0),
            TrafficPoint.ForDay(day, DayCoverage.Complete, 10, 5, 1, 1),
            TrafficPoint.ForDay(day.AddDays(1), DayCoverage.Partial, 3, 2, 1, 1),
            TrafficPoint.ForDay(day.AddDays(2), DayCoverage.NotCollected, 0, 0, 0, 0),
        ]);
        (await Traffic.GetReferrerHistoryAsync(repo.TenantId, repo.Id, new DateRange(day, day))).ShouldBe([new ReferrerSnapshot(repo.Id, day, "google.com", 12, 4)]);
        (await Traffic.GetPathHistoryAsync(repo.TenantId, repo.Id, new DateRange(day, day))).ShouldBe([new PathSnapshot(repo.Id, day, "/o/r", "", 7, 3)]);
        (await Repositories.GetAsync(repo.TenantId, repo.Id)).LastDailyReadOn.ShouldBeNull();
    }

    [StoreFact]
    public async Task MergeImportedHistory_RefusesBadInputAsAWhole_AndWritesNothing()
    {
        var repo = await NewRepositoryAsync();
        var day = Today.AddDays(-3);
        CoveredTrafficDay Good(DateOnly d) => new(new TrafficDay(repo.Id, d, 1, 1, 0, 0), DayCoverage.Complete);

        await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeImportedHistoryAsync(new ImportedHistory(
            repo.Id, [Good(day), new CoveredTrafficDay(new TrafficDay(repo.Id, day.AddDays(1), 1, 2, 0, 0), DayCoverage.Complete)], [], [])));
        await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeImportedHistoryAsync(new ImportedHistory(
            repo.Id, [Good(day), new CoveredTrafficDay(new TrafficDay(repo.Id, day.AddDays(1), 1, 1, 0, 0), DayCoverage.NotCollected)], [], [])));
        await Should.ThrowAsync<ArgumentException>(() => Traffic.MergeImportedHistoryAsync(new ImportedHistory(
            repo.Id, [Good(day)], [new ReferrerSnapshot(repo.Id + 1000, day, "x", 1, 1)], [])));
        await Should.ThrowAsync<GhStats.GhStatsNotFoundException>(() => Traffic.MergeImportedHistoryAsync(new ImportedHistory(
            repo.Id + 100_000, [new CoveredTrafficDay(new TrafficDay(repo.Id + 100_000, day, 1, 1, 0, 0), DayCoverage.Complete)], [], [])));

        Known((await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(day.AddDays(-1), Today), TrafficPeriod.Day)).Points).ShouldBeEmpty();
    }
}
