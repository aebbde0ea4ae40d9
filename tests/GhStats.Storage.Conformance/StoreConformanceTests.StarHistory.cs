using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly DateOnly FirstStar = new(2020, 2, 28);

    [StoreFact]
    public async Task StorePage_MovesTheBackfillOn_PageByPage_UntilGitHubNamesNoNextPage()
    {
        var repository = await NewRepositoryAsync();
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBeNull();

        var first = await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: true, (FirstStar, 40), (FirstStar.AddDays(2), 100)));

        first.ShouldBe(new StarBackfill(repository.Id, StarBackfillState.InProgress, 2, 100, FirstStar, FirstStar.AddDays(2), null, first.UpdatedAt));
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBe(first);

        var last = await StarHistory.StorePageAsync(Page(repository.Id, 2, hasNext: false, (FirstStar.AddDays(2), 130), (FirstStar.AddDays(5), 150)));

        last.State.ShouldBe(StarBackfillState.Complete);
        last.IsFinished.ShouldBeTrue();
        last.NextPage.ShouldBe(0);
        last.StarsRead.ShouldBe(150);
        last.FirstStarOn.ShouldBe(FirstStar);
        last.KnownThrough.ShouldBe(FirstStar.AddDays(5));
        (await StarHistory.GetBackfillAsync(repository.Id)).ShouldBe(last);
    }

    [StoreFact]
    public async Task StorePage_KeepsTheLargerCountOfADay_SoAPageReadAgainChangesNothing()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: false, (FirstStar, 40), (FirstStar.AddDays(1), 60)));

        await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: false, (FirstStar, 35), (FirstStar.AddDays(1), 70)));

        var history = await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(FirstStar, FirstStar.AddDays(1)));
        history.Days.Select(d => d.Stars).ShouldBe([40, 70]);
    }

    [StoreFact]
    public async Task GetStarHistory_ListsEveryDayBeforeTracking_CarryingTheLastCountForward()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: false, (FirstStar, 3), (FirstStar.AddDays(3), 7), (FirstStar.AddDays(10), 9)));
        var tracking = FirstStar.AddDays(8);
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repository.Id, tracking, 12, 1, 1, 0, 10), new RepositoryDailyStats(repository.Id, tracking.AddDays(1), 12, 1, 1, 0, 10)]);

        var history = await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(FirstStar.AddDays(-5), FirstStar.AddDays(20)));

        history.TrackingFrom.ShouldBe(tracking);
        history.Backfill.ShouldNotBeNull().State.ShouldBe(StarBackfillState.Complete);
        history.Days.Select(d => (d.Day, d.Stars)).ShouldBe(
        [
            (FirstStar, 3), (FirstStar.AddDays(1), 3), (FirstStar.AddDays(2), 3), (FirstStar.AddDays(3), 7),
            (FirstStar.AddDays(4), 7), (FirstStar.AddDays(5), 7), (FirstStar.AddDays(6), 7), (FirstStar.AddDays(7), 7),
        ]);
        history.Days.ShouldAllBe(d => d.RepositoryId == repository.Id);

        // A range that starts between stored days carries the count of the last one before it.
        var later = await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(FirstStar.AddDays(5), FirstStar.AddDays(6)));
        later.Days.Select(d => d.Stars).ShouldBe([7, 7]);
    }

    [StoreFact]
    public async Task GetStarHistory_OfALimitedOrUnfinishedBackfill_EndsWithTheNewestStarRead()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);
        await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: true, (FirstStar, 50), (FirstStar.AddDays(2), 100)));
        var range = new DateRange(FirstStar, FirstStar.AddDays(30));

        (await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, range)).Days.Select(d => d.Day).ShouldBe([FirstStar, FirstStar.AddDays(1), FirstStar.AddDays(2)]);

        var limited = await StarHistory.MarkLimitedAsync(repository.Id, "GitHub answered 422: pagination is limited for this resource");

        limited.State.ShouldBe(StarBackfillState.Limited);
        limited.NextPage.ShouldBe(0);
        limited.StarsRead.ShouldBe(100);
        limited.LimitReason.ShouldBe("GitHub answered 422: pagination is limited for this resource");
        var history = await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, range);
        history.Backfill.ShouldBe(limited);
        history.Days[^1].ShouldBe(new StarHistoryDay(repository.Id, FirstStar.AddDays(2), 100));
    }

    [StoreFact]
    public async Task MarkLimited_BeforeAnyPage_KeepsTheReason_AndNoDays()
    {
        var tenant = await NewTenantAsync();
        var repository = await NewRepositoryAsync(tenant);

        var limited = await StarHistory.MarkLimitedAsync(repository.Id, new string('x', 600));

        limited.ShouldBe(new StarBackfill(repository.Id, StarBackfillState.Limited, 0, 0, null, null, limited.LimitReason, limited.UpdatedAt));
        limited.LimitReason!.Length.ShouldBe(FieldLimits.StarBackfillLimitReason);
        var history = await StarHistory.GetStarHistoryAsync(tenant.Id, repository.Id, new DateRange(FirstStar, FirstStar.AddDays(3)));
        history.Backfill.ShouldBe(limited);
        history.Days.ShouldBeEmpty();
    }

    [StoreFact]
    public async Task StarHistory_IsNotFound_OutsideTheTenant_OrForAMissingRepository()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var repository = await NewRepositoryAsync(owner);
        await StarHistory.StorePageAsync(Page(repository.Id, 1, hasNext: false, (FirstStar, 5)));

        await Should.ThrowAsync<GhStatsNotFoundException>(() => StarHistory.GetStarHistoryAsync(other.Id, repository.Id, new DateRange(FirstStar, FirstStar)));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => StarHistory.StorePageAsync(Page(repository.Id + 100_000, 1, hasNext: false, (FirstStar, 5))));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => StarHistory.MarkLimitedAsync(repository.Id + 100_000, "refused"));
    }

    [StoreFact]
    public async Task StarHistory_GoesWithAPurgedRepository_AndADeletedTenant()
    {
        var tenant = await NewTenantAsync();
        var purged = await NewRepositoryAsync(tenant);
        var kept = await NewRepositoryAsync(tenant);
        await StarHistory.StorePageAsync(Page(purged.Id, 1, hasNext: false, (FirstStar, 5)));
        await StarHistory.StorePageAsync(Page(kept.Id, 1, hasNext: true, (FirstStar, 100)));

        await Repositories.RemoveAsync(tenant.Id, purged.Id, purge: true);

        (await StarHistory.GetBackfillAsync(purged.Id)).ShouldBeNull();
        (await StarHistory.GetBackfillAsync(kept.Id)).ShouldNotBeNull();

        await Tenants.DeleteAsync(tenant.Id);

        (await StarHistory.GetBackfillAsync(kept.Id)).ShouldBeNull();
    }

    private static StarBackfillPage Page(long repositoryId, int page, bool hasNext, params (DateOnly Day, int Stars)[] days) =>
        new(repositoryId, page, days.Select(d => new StarHistoryDay(repositoryId, d.Day, d.Stars)).ToList(), days.Max(d => d.Stars), hasNext);
}
