using GhStats.Domain;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    [StoreFact]
    public async Task AddRepository_TracksIt_AndReadsItBack()
    {
        var tenant = await NewTenantAsync();

        var added = await Repositories.AddAsync(tenant.Id, "dotnet", "runtime");

        added.FullName.ShouldBe("dotnet/runtime");
        added.IsActive.ShouldBeTrue();
        added.AddedAt.ShouldBe(Start);
        (await Repositories.GetAsync(tenant.Id, added.Id)).ShouldBe(added);
        (await Repositories.FindAsync(added.Id)).ShouldBe(added);
        (await Repositories.FindByNameAsync(tenant.Id, "DotNet", "Runtime")).ShouldBe(added);
        (await Repositories.ListAsync(tenant.Id)).ShouldBe([added]);
        (await Repositories.ListTrackedAsync(tenant.Id)).ShouldBe([added]);
        (await Repositories.ListTrackedAsync()).ShouldContain(added);
    }

    [StoreFact]
    public async Task AddRepository_Conflicts_WhenTheTenantAlreadyTracksItInAnyCase()
    {
        var tenant = await NewTenantAsync();
        await Repositories.AddAsync(tenant.Id, "octo-org", "Hello.World");

        var error = await Should.ThrowAsync<GhStatsConflictException>(() => Repositories.AddAsync(tenant.Id, "Octo-Org", "hello.world"));

        error.Message.ShouldContain("octo-org/Hello.World");
        (await Repositories.ListAsync(tenant.Id)).Count.ShouldBe(1);
    }

    [StoreFact]
    public async Task AddRepository_OneWins_WhenTheSameRepositoryIsAddedAtOnce()
    {
        var tenant = await NewTenantAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Repositories.AddAsync(tenant.Id, "racer", "repo");
                return true;
            }
            catch (GhStatsConflictException)
            {
                return false;
            }
        })));

        attempts.Count(won => won).ShouldBe(1);
        (await Repositories.ListAsync(tenant.Id)).ShouldHaveSingleItem();
    }

    [StoreFact]
    public async Task AddRepository_LetsTwoTenantsTrackTheSameRepository()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();

        var a = await Repositories.AddAsync(first.Id, "octo", "shared");
        var b = await Repositories.AddAsync(second.Id, "octo", "shared");

        a.Id.ShouldNotBe(b.Id);
    }

    [StoreTheory]
    [InlineData("-bad", "repo")]
    [InlineData("bad-", "repo")]
    [InlineData("has space", "repo")]
    [InlineData("a123456789012345678901234567890123456789", "repo")]
    [InlineData("owner", "..")]
    [InlineData("owner", "with/slash")]
    [InlineData("owner", "")]
    [InlineData("owner", "<script>")]
    public async Task AddRepository_RefusesNamesOutsideGitHubsRules(string owner, string name)
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Repositories.AddAsync(tenant.Id, owner, name));

        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task AddRepository_RefusesAnUnknownTenant_OrAnotherTenantsConnection()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var otherConnection = await Connections.AddAsync(new NewGitHubConnection(other.Id, "other", GitHubConnectionKind.PersonalAccessToken, "https://api.github.com/", "protected"));

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.AddAsync(long.MaxValue, "octo", "repo"));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.AddAsync(tenant.Id, "octo", "repo", otherConnection.Id));
        (await Repositories.ListAsync(tenant.Id, includeRemoved: true)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task RemoveRepository_KeepsItsData_AndTrackingItAgainBringsTheHistoryBack()
    {
        var repo = await NewRepositoryAsync();
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today.AddDays(-1), 42, 7, 3, 1)]);

        await Repositories.RemoveAsync(repo.TenantId, repo.Id);

        var removed = await Repositories.GetAsync(repo.TenantId, repo.Id);
        removed.RemovedAt.ShouldBe(Start);
        (await Repositories.ListAsync(repo.TenantId)).ShouldBeEmpty();
        (await Repositories.ListAsync(repo.TenantId, includeRemoved: true)).ShouldBe([removed]);
        (await Repositories.ListTrackedAsync()).ShouldNotContain(r => r.Id == repo.Id);
        (await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-1), Today), TrafficPeriod.Day)).Totals.Views.ShouldBe(42);

        Clock.Advance(TimeSpan.FromDays(2));
        var again = await Repositories.AddAsync(repo.TenantId, repo.Owner, repo.Name);

        again.Id.ShouldBe(repo.Id);
        again.IsActive.ShouldBeTrue();
        (await Traffic.GetTrafficSeriesAsync(repo.TenantId, repo.Id, new DateRange(Today.AddDays(-5), Today), TrafficPeriod.Day)).Totals.Views.ShouldBe(42);
    }

    [StoreFact]
    public async Task RemoveRepositoryWithPurge_DeletesItAndEverythingItHad()
    {
        var tenant = await NewTenantAsync();
        var repo = await NewRepositoryAsync(tenant);
        var neighbour = await NewRepositoryAsync(tenant);
        var user = await NewUserAsync();
        await Memberships.GrantRepositoryAsync(user.Id, repo.Id);
        await Traffic.MergeTrafficDaysAsync([new TrafficDay(repo.Id, Today, 5, 5, 5, 5), new TrafficDay(neighbour.Id, Today, 6, 6, 6, 6)]);
        await Traffic.MergeTrafficWeeksAsync([new TrafficWeek(repo.Id, DateRange.WeekStartOf(Today), 5, 5, 5, 5)]);
        await Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repo.Id, Today, "google.com", 1, 1)]);
        await Traffic.MergePathSnapshotsAsync([new PathSnapshot(repo.Id, Today, "/x", "x", 1, 1)]);
        await Traffic.MergeRepositoryStatsAsync([new RepositoryDailyStats(repo.Id, Today, 1, 1, 1, 1, 1)]);
        await Releases.MergeReleaseReadAsync(new ReleaseRead(repo.Id, Today, [new ReleaseReading(1, "v1", "v1", Today, false, [new AssetReading(2, "a.zip", Today, 3)])]));
        var run = await Runs.StartAsync(CollectionTrigger.Manual, "tester");
        await Runs.AddErrorAsync(new CollectionError(run.Id, repo.Id, CollectionErrorKind.NotFound, "gone", Start));

        await Repositories.RemoveAsync(tenant.Id, repo.Id, purge: true);

        (await Repositories.FindAsync(repo.Id)).ShouldBeNull();
        (await Memberships.ListGrantsAsync(user.Id)).ShouldBeEmpty();
        (await Runs.ListErrorsAsync(run.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Traffic.GetTrafficSeriesAsync(tenant.Id, repo.Id, new DateRange(Today, Today), TrafficPeriod.Day));

        // Tracking it again starts from nothing, and the neighbour kept its data.
        var fresh = await Repositories.AddAsync(tenant.Id, repo.Owner, repo.Name);
        fresh.Id.ShouldNotBe(repo.Id);
        Known((await Traffic.GetTrafficSeriesAsync(tenant.Id, fresh.Id, new DateRange(Today.AddDays(-7), Today), TrafficPeriod.Week)).Points).ShouldBeEmpty();
        (await Traffic.GetReferrerHistoryAsync(tenant.Id, fresh.Id, new DateRange(Today, Today))).ShouldBeEmpty();
        (await Releases.GetDailyDownloadsAsync(tenant.Id, fresh.Id, new DateRange(Today, Today))).Releases.ShouldBeEmpty();
        (await Traffic.GetTrafficSeriesAsync(tenant.Id, neighbour.Id, new DateRange(Today, Today), TrafficPeriod.Day)).Totals.Views.ShouldBe(6);
    }

    [StoreFact]
    public async Task RemoveRepository_OfAnUnknownId_IsNotFound()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.RemoveAsync(tenant.Id, long.MaxValue, purge: true));
    }

    [StoreFact]
    public async Task RecordCollection_StoresTheOutcomeAndGitHubsId()
    {
        var repo = await NewRepositoryAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        await Repositories.RecordCollectionAsync(repo.Id, "ok", 123456789);
        await Repositories.RecordCollectionAsync(repo.Id, "NoPushAccess");

        var stored = await Repositories.GetAsync(repo.TenantId, repo.Id);
        stored.LastStatus.ShouldBe("NoPushAccess");
        stored.GitHubId.ShouldBe(123456789);
        stored.LastCollectedAt.ShouldBe(Start.AddHours(1));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Repositories.RecordCollectionAsync(long.MaxValue, "ok"));
        await Should.ThrowAsync<ArgumentException>(() => Repositories.RecordCollectionAsync(repo.Id, new string('x', FieldLimits.RepositoryStatus + 1)));
    }

    [StoreFact]
    public async Task RecordCollection_RemembersTheDayTheDailyReadsSucceeded_AndKeepsItThroughRunsWithoutThem()
    {
        var repo = await NewRepositoryAsync();
        repo.DailyCollectedOn.ShouldBeNull("a repository never collected has its daily reads due");

        await Repositories.RecordCollectionAsync(repo.Id, "ok", dailyCollectedOn: Today);
        await Repositories.RecordCollectionAsync(repo.Id, "ok");
        await Repositories.RecordCollectionAsync(repo.Id, "Transient");

        var stored = await Repositories.GetAsync(repo.TenantId, repo.Id);
        stored.DailyCollectedOn.ShouldBe(Today);
        stored.WeeklyCollectedOn.ShouldBeNull("the daily day is not the weekly one");
        (await Repositories.ListTrackedAsync(repo.TenantId)).ShouldHaveSingleItem().DailyCollectedOn.ShouldBe(Today);

        await Repositories.RecordCollectionAsync(repo.Id, "ok", weeklyCollectedOn: Today, dailyCollectedOn: Today.AddDays(1));

        stored = await Repositories.GetAsync(repo.TenantId, repo.Id);
        (stored.DailyCollectedOn, stored.WeeklyCollectedOn).ShouldBe((Today.AddDays(1), Today));
    }
}
