using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

/// <summary>
/// The raw reads an export makes and the merges a restore makes, for GitHub's weekly figures, star history and releases:
/// rows as stored, in a fixed order, scoped to the tenant; merges that never lower or replace, so running one twice
/// changes nothing.
/// </summary>
public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task GetTrafficWeeks_ReadsTheStoredWeeksOfARange_OldestFirst_OnlyInTheTenant()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        var monday = new DateOnly(2024, 1, 1);
        await Traffic.MergeTrafficWeeksAsync(
        [
            new TrafficWeek(repository.Id, monday.AddDays(14), 30, 9, 3, 1),
            new TrafficWeek(repository.Id, monday, 10, 4, 2, 1),
            new TrafficWeek(repository.Id, monday.AddDays(28), 50, 20, 0, 0),
        ]);

        var weeks = await Traffic.GetTrafficWeeksAsync(tenant.Id, repository.Id, new DateRange(monday, monday.AddDays(20)));

        weeks.ShouldBe([new TrafficWeek(repository.Id, monday, 10, 4, 2, 1), new TrafficWeek(repository.Id, monday.AddDays(14), 30, 9, 3, 1)]);
        var other = await NewTenantAsync();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetTrafficWeeksAsync(other.Id, repository.Id, new DateRange(monday, Today)));
    }

    [StoreFact]
    public async Task MergeStarDays_KeepsTheLargerCount_LeavesTheBackfillAsItIs_AndGetStarDaysReadsOnlyStoredDays()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        var page = await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: true, (FirstStar, 40), (FirstStar.AddDays(4), 60)));
        IReadOnlyCollection<StarHistoryDay> restored =
        [
            new StarHistoryDay(repository.Id, FirstStar, 35),
            new StarHistoryDay(repository.Id, FirstStar.AddDays(2), 50),
            new StarHistoryDay(repository.Id, FirstStar.AddDays(4), 65),
        ];

        await StarHistory.MergeStarDaysAsync(restored);
        await StarHistory.MergeStarDaysAsync(restored);

        (await StarHistory.GetStarDaysAsync(tenant.Id, repository.Id, new DateRange(FirstStar.AddDays(-3), FirstStar.AddDays(10))))
            .Select(d => (d.Day, d.Stars)).ShouldBe([(FirstStar, 40), (FirstStar.AddDays(2), 50), (FirstStar.AddDays(4), 65)]);
        (await StarHistory.GetStarDaysAsync(tenant.Id, repository.Id, new DateRange(FirstStar.AddDays(1), FirstStar.AddDays(3))))
            .ShouldBe([new StarHistoryDay(repository.Id, FirstStar.AddDays(2), 50)]);
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBe(page);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => StarHistory.MergeStarDaysAsync([new StarHistoryDay(repository.Id + 100_000, FirstStar, 1)]));
        var other = await NewTenantAsync();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => StarHistory.GetStarDaysAsync(other.Id, repository.Id, new DateRange(FirstStar, Today)));
    }

    [StoreFact]
    public async Task RestoreBackfill_StoresTheArchivesState_OnlyWhereTheRepositoryHasNone()
    {
        var repository = await NewRepositoryAsync();
        var updated = new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var archived = new StarBackfill(repository.Id, StarBackfillState.Limited, 0, 40_000, FirstStar, FirstStar.AddDays(300), "GitHub lists 40,000 stargazers at most", updated);

        (await StarHistory.RestoreBackfillAsync(archived)).ShouldBeTrue();
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBe(archived);

        (await StarHistory.RestoreBackfillAsync(archived with { State = StarBackfillState.Complete, LimitReason = null, StarsRead = 1 })).ShouldBeFalse();
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBe(archived);

        var collected = await NewRepositoryAsync();
        var own = await StarHistory.StorePageAsync(Page(collected.Id, 1, hasNext: true, (FirstStar, 5)));
        (await StarHistory.RestoreBackfillAsync(archived with { RepositoryId = collected.Id })).ShouldBeFalse();
        (await StarHistory.GetBackfillAsync(collected.Id)).ShouldBe(own);
        await Should.ThrowAsync<ArgumentException>(() => StarHistory.RestoreBackfillAsync(archived with { RepositoryId = collected.Id, State = StarBackfillState.NotStarted }));
    }

    [StoreFact]
    public async Task ReleaseRows_ReadAsStored_InOrder_AndMergeReleaseHistoryOnAnEmptyRepository_GivesTheSameDownloads()
    {
        var tenant = await NewTenantAsync();
        var source = await NewRepositoryAsync(tenant);
        var d0 = Today.AddDays(-5);
        var published = Today.AddDays(-20);
        var v1 = new ReleaseReading(7, "v1", "One", published, false, [new AssetReading(71, "a.zip", published, 10), new AssetReading(70, "b.zip", published, 3)]);
        var v2 = new ReleaseReading(5, "v2", "", d0.AddDays(1), true, [new AssetReading(50, "c.tgz", d0.AddDays(1), 4)]);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(source.Id, d0, [v1]));
        await Releases.MergeReleaseReadAsync(new ReleaseRead(source.Id, d0.AddDays(2), [v1 with { Assets = [new AssetReading(71, "a.zip", published, 16), new AssetReading(70, "b.zip", published, 3)] }, v2]));
        var all = new DateRange(published.AddDays(-1), Today);

        var releases = await Releases.GetStoredReleasesAsync(tenant.Id, source.Id, all);
        var assets = await Releases.GetAssetSnapshotsAsync(tenant.Id, source.Id, all);
        var reads = await Releases.GetReleaseReadDaysAsync(tenant.Id, source.Id, all);

        releases.ShouldBe(
        [
            new StoredRelease(new RepositoryRelease(source.Id, 7, "v1", "One", published, false), d0.AddDays(2)),
            new StoredRelease(new RepositoryRelease(source.Id, 5, "v2", "v2", d0.AddDays(1), true), d0.AddDays(2)),
        ]);
        assets.Select(a => (a.CapturedOn, a.GitHubAssetId, a.GitHubReleaseId, a.Name, a.DownloadCount)).ShouldBe(
        [
            (d0, 70L, 7L, "b.zip", 3L), (d0, 71L, 7L, "a.zip", 10L),
            (d0.AddDays(2), 50L, 5L, "c.tgz", 4L), (d0.AddDays(2), 70L, 7L, "b.zip", 3L), (d0.AddDays(2), 71L, 7L, "a.zip", 16L),
        ]);
        reads.ShouldBe([new ReleaseReadDay(source.Id, d0, 1), new ReleaseReadDay(source.Id, d0.AddDays(2), 2)]);
        (await Releases.GetAssetSnapshotsAsync(tenant.Id, source.Id, new DateRange(d0.AddDays(1), Today))).Count.ShouldBe(3);

        var target = await NewRepositoryAsync(tenant);
        await Releases.MergeReleaseHistoryAsync(new ReleaseHistory(
            target.Id,
            releases.Select(r => r with { Release = r.Release with { RepositoryId = target.Id } }).ToList(),
            assets.Select(a => a with { RepositoryId = target.Id }).ToList(),
            reads.Select(d => d with { RepositoryId = target.Id }).ToList()));

        var expected = await Releases.GetDailyDownloadsAsync(tenant.Id, source.Id, new DateRange(d0, Today));
        var actual = await Releases.GetDailyDownloadsAsync(tenant.Id, target.Id, new DateRange(d0, Today));
        actual.Days.Select(Spelled).ShouldBe(expected.Days.Select(Spelled));
        actual.Days.Select(d => d.Downloads).ShouldBe([0, null, 10, null, null, null]);
        (actual.TotalDownloads, actual.DownloadsInRange, actual.ReadDays, actual.LastReadOn).ShouldBe((expected.TotalDownloads, expected.DownloadsInRange, expected.ReadDays, expected.LastReadOn));
        actual.Releases.Select(r => (r.Release.Tag, r.TotalDownloads, r.Listed)).ShouldBe(expected.Releases.Select(r => (r.Release.Tag, r.TotalDownloads, r.Listed)));
        var other = await NewTenantAsync();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.GetStoredReleasesAsync(other.Id, source.Id, all));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.GetAssetSnapshotsAsync(other.Id, source.Id, all));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.GetReleaseReadDaysAsync(other.Id, source.Id, all));
    }

    /// <summary>A download day with its per-release list spelled out (records compare lists by reference).</summary>
    private static string Spelled(DownloadDay day) => $"{day.Day:yyyy-MM-dd} {day.Downloads} {day.Days} {string.Join(",", day.Releases)}";

    [StoreFact]
    public async Task MergeReleaseHistory_KeepsWhatIsStored_TakesTheLaterLastReadAndTheLargerCounts_AndTwiceChangesNothing()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        var d0 = Today.AddDays(-4);
        var published = Today.AddDays(-30);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repository.Id, d0.AddDays(1), [new ReleaseReading(1, "v1", "Stored name", published, false, [new AssetReading(10, "stored.zip", published, 20)])]));
        var history = new ReleaseHistory(
            repository.Id,
            [
                new StoredRelease(new RepositoryRelease(repository.Id, 1, "v1-renamed", "Archived name", published.AddDays(1), true), d0.AddDays(3)),
                new StoredRelease(new RepositoryRelease(repository.Id, 2, "v0", "Zero", published.AddDays(-9), false), d0),
            ],
            [
                new ReleaseAssetSnapshot(repository.Id, 10, d0, 1, "archived.zip", published, 15),
                new ReleaseAssetSnapshot(repository.Id, 10, d0.AddDays(1), 1, "archived.zip", published, 25),
                new ReleaseAssetSnapshot(repository.Id, 10, d0.AddDays(3), 1, "archived.zip", published, 30),
            ],
            [new ReleaseReadDay(repository.Id, d0, 2), new ReleaseReadDay(repository.Id, d0.AddDays(1), 0), new ReleaseReadDay(repository.Id, d0.AddDays(3), 1)]);

        await Releases.MergeReleaseHistoryAsync(history);
        var all = new DateRange(published.AddDays(-10), Today);
        var once = (await Releases.GetStoredReleasesAsync(tenant.Id, repository.Id, all), await Releases.GetAssetSnapshotsAsync(tenant.Id, repository.Id, all), await Releases.GetReleaseReadDaysAsync(tenant.Id, repository.Id, all));
        await Releases.MergeReleaseHistoryAsync(history);

        once.Item1.ShouldBe(
        [
            new StoredRelease(new RepositoryRelease(repository.Id, 2, "v0", "Zero", published.AddDays(-9), false), d0),
            new StoredRelease(new RepositoryRelease(repository.Id, 1, "v1", "Stored name", published, false), d0.AddDays(3)),
        ]);
        once.Item2.Select(a => (a.CapturedOn, a.Name, a.DownloadCount)).ShouldBe([(d0, "archived.zip", 15L), (d0.AddDays(1), "stored.zip", 25L), (d0.AddDays(3), "archived.zip", 30L)]);
        once.Item3.Select(d => (d.ReadOn, d.Releases)).ShouldBe([(d0, 2), (d0.AddDays(1), 1), (d0.AddDays(3), 1)]);
        (await Releases.GetStoredReleasesAsync(tenant.Id, repository.Id, all)).ShouldBe(once.Item1);
        (await Releases.GetAssetSnapshotsAsync(tenant.Id, repository.Id, all)).ShouldBe(once.Item2);
        (await Releases.GetReleaseReadDaysAsync(tenant.Id, repository.Id, all)).ShouldBe(once.Item3);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.MergeReleaseHistoryAsync(new ReleaseHistory(repository.Id + 100_000, [], [], [])));
        await Should.ThrowAsync<ArgumentException>(() => Releases.MergeReleaseHistoryAsync(history with { ReadDays = [new ReleaseReadDay(repository.Id + 1, d0, 1)] }));
    }
}
