using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>The weekly digest over traffic and snapshots stored in SQLite, raised for channels and for subscribers.</summary>
public sealed class DigestTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    /// <summary>Monday 2026-03-09: the digest of 2026-W10 (03-02 to 03-08) is due from 06:00.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly WeekStart = new(2026, 3, 2);

    [Fact]
    public async Task TheDigest_IsRaisedOnMondayFromTheHour_OnceForTheWeekThatEnded()
    {
        await using var harness = new EventsHarness(database, Monday);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Digest);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "weekly", "site");
        await harness.ReadDailyAsync(repository.Id, WeekStart.AddDays(-20), WeekStart.AddDays(7), _ => 10);

        var raised = new List<(DateTimeOffset At, NotificationMessage Message)>();
        foreach (var at in new[] { Monday.AddMinutes(-1), Monday.AddHours(5).AddMinutes(59), Monday.AddHours(6), Monday.AddHours(6).AddMinutes(1), Monday.AddHours(23), Monday.AddDays(1).AddHours(6) })
        {
            await harness.EvaluateAtAsync(at);
            raised.AddRange((await harness.DrainAsync(tenant.Id)).Select(m => (at, m)));
        }

        raised.Select(r => (r.At, r.Message.Kind)).ShouldBe([(Monday.AddHours(6), NotificationEventKinds.Digest)]);
        var digest = EventsHarness.Payload<DigestPayload>(raised[0].Message);
        digest.Week.ShouldBe("2026-W10");
        digest.From.ShouldBe(WeekStart);
        digest.To.ShouldBe(WeekStart.AddDays(6));
        digest.Views.ShouldBe(70);
        digest.PreviousViews.ShouldBe(70);
    }

    [Fact]
    public async Task TheDigest_RanksByViews_ComparesWithTheWeekBefore_AndListsNewReferrersAndTopContent()
    {
        await using var harness = new EventsHarness(database, Monday);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Digest);
        var a = await harness.Repositories.AddAsync(tenant.Id, "ranked", "a");
        var b = await harness.Repositories.AddAsync(tenant.Id, "ranked", "b");
        var quiet = await harness.Repositories.AddAsync(tenant.Id, "ranked", "quiet");
        await harness.ReadDailyAsync(a.Id, WeekStart.AddDays(-20), WeekStart.AddDays(7), d => d < WeekStart ? 10 : 30);

        // b was read last on Sunday, so Sunday is partial; it had no views the week before.
        await harness.ReadDailyAsync(b.Id, WeekStart.AddDays(-20), WeekStart.AddDays(6), d => d < WeekStart ? 0 : 5);
        await harness.ReadDailyAsync(quiet.Id, WeekStart.AddDays(-20), WeekStart.AddDays(7), _ => 0);
        await harness.Traffic.MergeTrafficWeeksAsync([new TrafficWeek(a.Id, WeekStart, 210, 77, 21, 9)]);
        await harness.Traffic.MergeReferrerSnapshotsAsync(
        [
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(-1), "google.com", 100, 40),
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(-1), "github.com", 50, 20),
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(4), "reddit.com", 500, 300),
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(6), "google.com", 120, 45),
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(6), "news.ycombinator.com", 80, 60),
            new ReferrerSnapshot(a.Id, WeekStart.AddDays(6), "github.com", 40, 15),
        ]);
        await harness.Traffic.MergePathSnapshotsAsync(
        [
            new PathSnapshot(a.Id, WeekStart.AddDays(3), "/ranked/a/old", "Old", 999, 500),
            new PathSnapshot(a.Id, WeekStart.AddDays(6), "/ranked/a", "ranked/a: the site", 300, 100),
            new PathSnapshot(a.Id, WeekStart.AddDays(6), "/ranked/a/blob/main/README.md", "README.md", 120, 50),
            new PathSnapshot(b.Id, WeekStart.AddDays(6), "/ranked/b", "ranked/b", 50, 20),
        ]);

        await harness.EvaluateAtAsync(Monday.AddHours(7));
        var message = (await harness.DrainAsync(tenant.Id)).Single();
        var digest = EventsHarness.Payload<DigestPayload>(message);

        digest.RepositoryCount.ShouldBe(3);
        digest.Views.ShouldBe(245);
        digest.PreviousViews.ShouldBe(70);
        digest.Repositories.Select(r => (r.Rank, r.Repository.FullName, r.Views, r.UniqueViews, r.PreviousViews, r.Change, r.ChangePercent, r.IsNew))
            .ShouldBe(
            [
                (1, "ranked/a", 210L, (long?)77, 70L, 140L, (double?)200.0, false),
                (2, "ranked/b", 35L, null, 0L, 35L, null, true),
            ]);
        digest.Repositories[0].Repository.Url.ShouldBe(new Uri($"https://stats.example.com/app/repos/{a.Id}"));
        digest.Repositories.Select(r => (r.Days, r.KnownDays, r.PartialDays)).ShouldBe([(7, 7, 0), (7, 7, 1)]);
        digest.NewReferrers.Select(r => (r.Repository.FullName, r.Referrer, r.Views)).ShouldBe([("ranked/a", "news.ycombinator.com", 80)]);
        digest.TopContent.Select(c => (c.Repository.FullName, c.Path, c.Views)).ShouldBe(
        [
            ("ranked/a", "/ranked/a", 300),
            ("ranked/a", "/ranked/a/blob/main/README.md", 120),
            ("ranked/b", "/ranked/b", 50),
        ]);
        var json = EventsHarness.Json(message);
        json.GetProperty("repositories")[1].GetProperty("changePercent").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("repositories")[1].GetProperty("isNew").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ASubscribersDigest_HoldsOnlyWhatTheirRolesShow()
    {
        await using var harness = new EventsHarness(database, Monday);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Digest);
        var memberships = harness.Get<IMembershipStore>();
        var repositories = new List<TrackedRepository>();
        foreach (var (name, views) in new[] { ("one", 40), ("two", 20), ("three", 10) })
        {
            var repository = await harness.Repositories.AddAsync(tenant.Id, "scoped", name);
            await harness.ReadDailyAsync(repository.Id, WeekStart.AddDays(-20), WeekStart.AddDays(7), _ => views);
            await harness.Traffic.MergeReferrerSnapshotsAsync([new ReferrerSnapshot(repository.Id, WeekStart.AddDays(6), name + ".example", views, 1)]);
            await harness.Traffic.MergePathSnapshotsAsync([new PathSnapshot(repository.Id, WeekStart.AddDays(6), "/scoped/" + name, name, views, 1)]);
            repositories.Add(repository);
        }

        var owner = await harness.NewUserAsync("owner");
        await memberships.SetMemberAsync(tenant.Id, owner.Id, TenantRole.Owner);
        var grantee = await harness.NewUserAsync("grantee");
        await memberships.GrantRepositoryAsync(grantee.Id, repositories[1].Id);
        var outsider = await harness.NewUserAsync("outsider");
        foreach (var user in new[] { owner, grantee, outsider })
        {
            await harness.Notifications.SetSubscriptionAsync(user.Id, tenant.Id, NotificationTopics.Digest);
        }

        await harness.EvaluateAtAsync(Monday.AddHours(6));
        await harness.EvaluateAtAsync(Monday.AddHours(6).AddMinutes(1));
        var messages = await harness.DrainAsync(tenant.Id);

        messages.Select(m => m.UserId).ShouldBe([null, owner.Id, grantee.Id], ignoreOrder: true, "one for the channel, one per subscriber who sees something");
        var whole = EventsHarness.Payload<DigestPayload>(messages.Single(m => m.UserId is null));
        whole.Repositories.Select(r => r.Repository.FullName).ShouldBe(["scoped/one", "scoped/two", "scoped/three"]);
        EventsHarness.Payload<DigestPayload>(messages.Single(m => m.UserId == owner.Id)).ShouldBeEquivalentTo(whole);

        var granted = EventsHarness.Payload<DigestPayload>(messages.Single(m => m.UserId == grantee.Id));
        granted.RepositoryCount.ShouldBe(1);
        granted.Views.ShouldBe(140);
        granted.Repositories.Select(r => r.Repository.FullName).ShouldBe(["scoped/two"]);
        granted.TopContent.Select(c => c.Path).ShouldBe(["/scoped/two"]);
        granted.NewReferrers.ShouldBeEmpty("no snapshot the week before: nothing can be said to have entered");
    }

    [Fact]
    public void TheWeek_IsNamedByItsIsoYear_AcrossNewYear()
    {
        DigestWeek.DueAt(new DateTimeOffset(2027, 1, 4, 6, 0, 0, TimeSpan.Zero), 6)!.Key.ShouldBe("digest:2026-W53");
        DigestWeek.DueAt(new DateTimeOffset(2027, 1, 11, 6, 0, 0, TimeSpan.Zero), 6)!.KeyFor(7).ShouldBe("digest:2027-W01:user:7");
        DigestWeek.DueAt(new DateTimeOffset(2027, 1, 11, 5, 59, 59, TimeSpan.Zero), 6).ShouldBeNull();
        DigestWeek.DueAt(new DateTimeOffset(2027, 1, 12, 6, 0, 0, TimeSpan.Zero), 6).ShouldBeNull();
    }
}
