using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    protected IReleaseStore Releases => Services.GetRequiredService<IReleaseStore>();

    [StoreFact]
    public async Task MergeReleaseRead_StoresReleases_NameFallsBackToTag_AndListReleasesFiltersByPublication()
    {
        var repo = await NewRepositoryAsync();
        var old = Today.AddDays(-40);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, Today,
        [
            new ReleaseReading(11, "v1.0", "First", old, false, [new AssetReading(101, "app.zip", old, 7)]),
            new ReleaseReading(12, "v2.0-rc1", "", Today.AddDays(-3), true, []),
        ]));

        (await Releases.ListReleasesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-7), Today)))
            .ShouldBe([new RepositoryRelease(repo.Id, 12, "v2.0-rc1", "v2.0-rc1", Today.AddDays(-3), true)]);
        (await Releases.ListReleasesAsync(repo.TenantId, repo.Id, new DateRange(old, Today))).Select(r => r.Tag).ShouldBe(["v1.0", "v2.0-rc1"]);
        (await Releases.GetLastReleaseReadAsync(repo.Id)).ShouldBe(Today);
    }

    [StoreFact]
    public async Task DailyDownloads_AreGrowthBetweenSnapshots_NeverNegative_AndDaysWithoutAReadAreNotZero()
    {
        var repo = await NewRepositoryAsync();
        var d0 = Today.AddDays(-6);
        var published = Today.AddDays(-30);
        ReleaseRead Read(DateOnly day, params AssetReading[] assets) =>
            new(repo.Id, day, [new ReleaseReading(1, "v1", "One", published, false, assets)]);

        // d0: first read, the baseline (downloads from before tracking count on no day).
        await Releases.MergeReleaseReadAsync(Read(d0, new AssetReading(10, "a.zip", published, 100), new AssetReading(20, "b.zip", published, 50)));
        await Releases.MergeReleaseReadAsync(Read(d0.AddDays(1), new AssetReading(10, "a.zip", published, 110), new AssetReading(20, "b.zip", published, 50)));

        // d0+2 not read; d0+3: a went down (re-uploaded under the same id): 0, and 90 is the new baseline; b grew by 4.
        await Releases.MergeReleaseReadAsync(Read(d0.AddDays(3), new AssetReading(10, "a.zip", published, 90), new AssetReading(20, "b.zip", published, 54)));

        // d0+4: b disappeared; a grew by 5; c, uploaded that day, counts all of its 3.
        await Releases.MergeReleaseReadAsync(Read(d0.AddDays(4), new AssetReading(10, "a.zip", published, 95), new AssetReading(30, "c.zip", d0.AddDays(4), 3)));

        var downloads = await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, new DateRange(d0, d0.AddDays(5)));

        downloads.Days.Select(d => d.Downloads).ShouldBe([0, 10, null, 4, 8, null]);
        downloads.Days.Select(d => d.Days).ShouldBe([1, 1, 0, 2, 1, 0]);
        downloads.Days.Select(d => d.Read).ShouldBe([true, true, false, true, true, false]);
        downloads.Days[3].Releases.ShouldBe([new ReleaseDayDownloads(1, 4)]);
        downloads.DownloadsInRange.ShouldBe(22);
        downloads.ReadDays.ShouldBe(4);
        downloads.LastReadOn.ShouldBe(d0.AddDays(4));

        // As last read: a (95) and c (3); b is gone and its 54 are history, not in the total.
        downloads.TotalDownloads.ShouldBe(98);
        var release = downloads.Releases.ShouldHaveSingleItem();
        (release.TotalDownloads, release.DownloadsInRange, release.Listed).ShouldBe((98L, 22L, true));

        var later = await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, new DateRange(d0.AddDays(2), d0.AddDays(3)));
        later.Days.Select(d => d.Downloads).ShouldBe([null, 4]);
        later.DownloadsInRange.ShouldBe(4);
    }

    [StoreFact]
    public async Task DailyDownloads_AReleasePublishedSinceThePreviousRead_CountsItsWholeCount_AndADeletedReleaseKeepsItsHistory()
    {
        var repo = await NewRepositoryAsync();
        var d0 = Today.AddDays(-3);
        var early = Today.AddDays(-100);
        var first = new ReleaseReading(1, "v1", "One", early, false, [new AssetReading(10, "a.zip", early, 500)]);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, d0, [first]));

        // v2 was a draft with its asset uploaded long ago; published on d0+1, so its 40 downloads all happened since d0.
        var second = new ReleaseReading(2, "v2", "Two", d0.AddDays(1), false, [new AssetReading(20, "b.zip", early, 40)]);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, d0.AddDays(1), [first with { Assets = [new AssetReading(10, "a.zip", early, 501)] }, second]));

        // v1 deleted on GitHub before d0+2.
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, d0.AddDays(2), [second with { Assets = [new AssetReading(20, "b.zip", early, 45)] }]));

        var downloads = await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, new DateRange(d0, d0.AddDays(2)));

        downloads.Days.Select(d => d.Downloads).ShouldBe([0, 41, 5]);
        downloads.Days[1].Releases.ShouldBe([new ReleaseDayDownloads(1, 1), new ReleaseDayDownloads(2, 40)]);
        downloads.TotalDownloads.ShouldBe(45);
        downloads.Releases.Select(r => (r.Release.Tag, r.TotalDownloads, r.DownloadsInRange, r.Listed))
            .ShouldBe([("v2", 45L, 45L, true), ("v1", 501L, 1L, false)]);
    }

    [StoreFact]
    public async Task MergeReleaseRead_ASecondReadOnTheSameDay_KeepsTheLargerCount()
    {
        var repo = await NewRepositoryAsync();
        var published = Today.AddDays(-10);
        ReleaseRead Read(DateOnly day, long count) =>
            new(repo.Id, day, [new ReleaseReading(1, "v1", "One", published, false, [new AssetReading(10, "a.zip", published, count)])]);
        await Releases.MergeReleaseReadAsync(Read(Today.AddDays(-1), 10));
        await Releases.MergeReleaseReadAsync(Read(Today, 30));
        await Releases.MergeReleaseReadAsync(Read(Today, 20));

        var downloads = await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, new DateRange(Today, Today));

        downloads.Days.ShouldHaveSingleItem().Downloads.ShouldBe(20);
        downloads.TotalDownloads.ShouldBe(30);
    }

    [StoreFact]
    public async Task Releases_AreNotFound_ForAnotherTenant_AndAnUnknownRepositoryWritesNothing()
    {
        var repo = await NewRepositoryAsync();
        var other = await NewTenantAsync();
        var range = new DateRange(Today.AddDays(-1), Today);

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.ListReleasesAsync(other.Id, repo.Id, range));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.GetDailyDownloadsAsync(other.Id, repo.Id, range));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id + 100_000, Today, [])));

        var never = await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, range);
        never.LastReadOn.ShouldBeNull();
        never.Days.ShouldAllBe(d => !d.Read);
        (await Releases.GetLastReleaseReadAsync(repo.Id)).ShouldBeNull();

        // A read of a repository without releases is a read: its day is known, with no downloads.
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, Today, []));
        (await Releases.GetDailyDownloadsAsync(repo.TenantId, repo.Id, range)).Days.Select(d => d.Downloads).ShouldBe([null, 0]);
    }

    [StoreFact]
    public async Task MergeReleaseRead_RefusesANegativeCount_AndWritesNothing()
    {
        var repo = await NewRepositoryAsync();
        var bad = new ReleaseRead(repo.Id, Today, [new ReleaseReading(1, "v1", "One", Today, false, [new AssetReading(10, "a.zip", Today, -1)])]);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Releases.MergeReleaseReadAsync(bad));

        (await Releases.GetLastReleaseReadAsync(repo.Id)).ShouldBeNull();
    }
}
