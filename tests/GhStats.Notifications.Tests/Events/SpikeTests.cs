using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance.Databases;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>Traffic spikes over days stored as daily collection stores them (read windows, with coverage), in SQLite.</summary>
public sealed class SpikeTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>
{
    /// <summary>A Wednesday noon: no digest is due.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task ADayWellAboveTheBaseline_RaisesOneSpike_HoweverOftenItIsEvaluated()
    {
        await using var harness = new EventsHarness(database, Now);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Spike);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "spiky", "site");
        var spikeDay = Today.AddDays(-1);
        using var metrics = new GhStats.Testing.Telemetry.MetricRecorder(harness.Get<System.Diagnostics.Metrics.IMeterFactory>());

        // 20 to 24 views a day, some days with none (known zeros), and 400 the day before today.
        await harness.ReadDailyAsync(repository.Id, Today.AddDays(-45), Today,
            d => d == spikeDay ? 400 : d.DayNumber % 9 == 0 ? 0 : 20 + d.DayNumber % 5);

        var messages = new List<NotificationMessage>();
        for (var i = 0; i < 5; i++)
        {
            await harness.EvaluateAtAsync(Now.AddMinutes(i));
            messages.AddRange(await harness.DrainAsync(tenant.Id));

            // Another collection between evaluations makes the detector read the days again.
            await harness.Repositories.RecordCollectionAsync(repository.Id, "ok");
        }

        messages.Select(m => m.Kind).ShouldBe([NotificationEventKinds.Spike]);
        metrics.Of("ghstats.notifications.events").Select(m => (m.Value, m.Tag("kind"))).ShouldBe([(1.0, NotificationEventKinds.Spike)]);
        var spike = EventsHarness.Payload<SpikePayload>(messages[0]);
        spike.Repository.Id.ShouldBe(repository.Id);
        spike.Repository.Url.ShouldBe(new Uri($"https://stats.example.com/app/repos/{repository.Id}"));
        spike.Day.ShouldBe(spikeDay);
        spike.Views.ShouldBe(400);
        spike.BaselineDays.ShouldBe(28);
        spike.KnownBaselineDays.ShouldBe(28);
        var window = Enumerable.Range(1, 28).Select(i => spikeDay.AddDays(-i)).Select(d => (long)(d.DayNumber % 9 == 0 ? 0 : 20 + d.DayNumber % 5)).ToList();
        spike.Baseline.ShouldBe(SpikeRule.Median(window));
        spike.Factor.ShouldBe(3.0);
        spike.Partial.ShouldBeFalse();
        var json = EventsHarness.Json(messages[0]);
        json.GetProperty("day").GetString().ShouldBe(spikeDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.GetProperty("repository").GetProperty("fullName").GetString().ShouldBe("spiky/site");
    }

    [Fact]
    public async Task ADayUnderTheFloor_IsNoSpike_EvenAtManyTimesTheBaseline()
    {
        await using var harness = new EventsHarness(database, Now);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Spike);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "quiet", "site");

        // 2 views a day, then 45 (22 times the baseline, but under the floor of 50).
        await harness.ReadDailyAsync(repository.Id, Today.AddDays(-40), Today, d => d == Today.AddDays(-1) ? 45 : 2);
        await harness.EvaluateAtAsync(Now);

        (await harness.DrainAsync(tenant.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AFloorLowered_MakesTheSameDayASpike_ForChannelsAndSubscribersWhoSeeIt()
    {
        await using var harness = new EventsHarness(database, Now, configure: o => o.Spike.Floor = 40);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Spike);
        var repository = await harness.Repositories.AddAsync(tenant.Id, "quiet", "site");
        var other = await harness.Repositories.AddAsync(tenant.Id, "quiet", "other");
        var member = await harness.NewUserAsync("member");
        await harness.Get<GhStats.Stores.IMembershipStore>().SetMemberAsync(tenant.Id, member.Id, TenantRole.Viewer);
        var grantee = await harness.NewUserAsync("grantee");
        await harness.Get<GhStats.Stores.IMembershipStore>().GrantRepositoryAsync(grantee.Id, other.Id);
        await harness.Notifications.SetSubscriptionAsync(member.Id, tenant.Id, NotificationTopics.Spike);
        await harness.Notifications.SetSubscriptionAsync(grantee.Id, tenant.Id, NotificationTopics.Spike);

        await harness.ReadDailyAsync(repository.Id, Today.AddDays(-40), Today, d => d == Today ? 45 : 2);
        await harness.EvaluateAtAsync(Now);

        var messages = await harness.DrainAsync(tenant.Id);
        messages.Select(m => (m.Kind, m.UserId is null)).ShouldBe([(NotificationEventKinds.Spike, true), (NotificationEventKinds.Spike, false)], ignoreOrder: true);
        messages.Single(m => m.UserId is not null).UserId.ShouldBe(member.Id, "the grantee sees only the other repository");
        var spike = EventsHarness.Payload<SpikePayload>(messages[0]);
        spike.Day.ShouldBe(Today);
        spike.Partial.ShouldBeTrue("today is not over");
        spike.Baseline.ShouldBe(2);
    }
}
