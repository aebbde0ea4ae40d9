using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>
/// Collection trouble from real collections: the collector reads the GitHub simulator over loopback into SQLite, and the
/// evaluator runs again and again. Each condition is announced once when it starts and once when it clears.
/// </summary>
public sealed class TroubleTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    /// <summary>A Wednesday noon: no digest is due.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private GitHubSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await GitHubSimulator.StartAsync();

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task ARevokedToken_AnnouncesOneStart_AndOnceReplacedOneResolution_OverManyRunsAndEvaluations()
    {
        await using var harness = new EventsHarness(database, Start, _simulator);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Trouble);
        var member = await harness.NewUserAsync("member");
        await harness.Get<IMembershipStore>().SetMemberAsync(tenant.Id, member.Id, TenantRole.Viewer);
        await harness.Notifications.SetSubscriptionAsync(member.Id, tenant.Id, NotificationTopics.Trouble);
        _simulator.AddRepository("revoked", "alpha", seed: 3);
        _simulator.AddRepository("revoked", "beta", seed: 4);
        var token = _simulator.AddToken(canPushTo: ["revoked/alpha", "revoked/beta"]);
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, token);
        await harness.Repositories.AddAsync(tenant.Id, "revoked", "alpha", connection.Id);
        await harness.Repositories.AddAsync(tenant.Id, "revoked", "beta", connection.Id);

        var now = Start;
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        await harness.EvaluateAtAsync(now);
        (await harness.DrainAsync(tenant.Id)).ShouldBeEmpty("nothing is wrong yet");

        _simulator.RevokeToken(token);
        var messages = await CollectAndEvaluateAsync(harness, tenant, () => now = now.AddHours(1));

        messages.Select(m => (m.Kind, m.UserId)).ShouldBe(
            [(NotificationEventKinds.TroubleStarted, null), (NotificationEventKinds.TroubleStarted, member.Id)],
            ignoreOrder: true,
            "one start for the channel and one for the subscribed member over six runs and twelve evaluations");
        messages = [.. messages.Where(m => m.UserId is null)];
        var started = EventsHarness.Payload<TroubleStartedPayload>(messages[0]);
        started.Condition.ShouldBe($"connection:{connection.Id}:unauthorized");
        started.Kind.ShouldBe(TroubleKind.ConnectionUnauthorized);
        started.ConnectionName.ShouldBe("simulator");
        started.Repositories.Select(r => r.FullName).ShouldBe(["revoked/alpha", "revoked/beta"], ignoreOrder: true);
        started.Url.ShouldBe(new Uri(EventsHarness.PublicBaseUrl, $"manage/tenants/{tenant.Slug}"));
        EventsHarness.Json(messages[0]).GetProperty("kind").GetString().ShouldBe("connectionUnauthorized");
        (await harness.Notifications.ListOpenConditionsAsync(tenant.Id)).Select(c => c.Key).ShouldBe([started.Condition]);

        // Fixed: the owner replaces the token.
        var replacement = _simulator.AddToken(canPushTo: ["revoked/alpha", "revoked/beta"]);
        await harness.Get<IConnectionStore>().UpdateSecretAsync(tenant.Id, connection.Id, harness.Get<ISecretProtector>().Protect(replacement));
        messages = await CollectAndEvaluateAsync(harness, tenant, () => now = now.AddHours(1));

        messages.Select(m => (m.Kind, m.UserId)).ShouldBe(
            [(NotificationEventKinds.TroubleResolved, null), (NotificationEventKinds.TroubleResolved, member.Id)],
            ignoreOrder: true,
            "one resolution for the channel and one for the subscribed member (raised with the clearing) over six runs and twelve evaluations");
        messages = [.. messages.Where(m => m.UserId is null)];
        var resolved = EventsHarness.Payload<TroubleResolvedPayload>(messages[0]);
        resolved.Condition.ShouldBe(started.Condition);
        resolved.OpenedAt.ToUnixTimeSeconds().ShouldBe(started.OpenedAt.ToUnixTimeSeconds());
        resolved.ResolvedAt.ShouldBeGreaterThan(resolved.OpenedAt);
        (await harness.Notifications.ListOpenConditionsAsync(tenant.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ARepositoryNotFound_OpensItsCondition_AndStoppingTrackingClearsIt()
    {
        await using var harness = new EventsHarness(database, Start, _simulator);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Trouble);
        _simulator.AddRepository("lost", "here", seed: 5);
        var token = _simulator.AddToken(canPushTo: ["lost/here", "lost/gone"]);
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, token);
        await harness.Repositories.AddAsync(tenant.Id, "lost", "here", connection.Id);
        var gone = await harness.Repositories.AddAsync(tenant.Id, "lost", "gone", connection.Id);

        var now = Start;
        var messages = await CollectAndEvaluateAsync(harness, tenant, () => now = now.AddHours(1), times: 3);

        messages.Select(m => m.Kind).ShouldBe([NotificationEventKinds.TroubleStarted]);
        var started = EventsHarness.Payload<TroubleStartedPayload>(messages[0]);
        started.Condition.ShouldBe($"repo:{gone.Id}:not_found");
        started.Repository!.FullName.ShouldBe("lost/gone");
        started.Repository.Url.ShouldBe(new Uri($"https://stats.example.com/app/repos/{gone.Id}"));

        await harness.Repositories.RemoveAsync(tenant.Id, gone.Id);
        messages = await CollectAndEvaluateAsync(harness, tenant, () => now = now.AddHours(1), times: 3);

        messages.Select(m => m.Kind).ShouldBe([NotificationEventKinds.TroubleResolved]);
        var resolved = EventsHarness.Payload<TroubleResolvedPayload>(messages[0]);
        resolved.Condition.ShouldBe(started.Condition);
        resolved.Resolution.ShouldContain("no longer tracked");
    }

    [Fact]
    public async Task ARepositoryNotReadForDays_IsAtRiskThenLosingDays_AndAReadClearsBoth_EachOnce()
    {
        await using var harness = new EventsHarness(database, Start, _simulator);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Trouble);
        _simulator.AddRepository("horizon", "quiet", seed: 6);
        var connection = await harness.AddTokenConnectionAsync(tenant.Id, _simulator.AddToken(canPushTo: "horizon/quiet"));
        var repository = await harness.Repositories.AddAsync(tenant.Id, "horizon", "quiet", connection.Id);
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);

        // No collection for 15 days, evaluated every 6 hours.
        var readOn = DateOnly.FromDateTime(Start.UtcDateTime);
        var announced = new List<(int Day, NotificationMessage Message)>();
        for (var hours = 0; hours <= 15 * 24; hours += 6)
        {
            var now = Start.AddHours(hours);
            await harness.EvaluateAtAsync(now);
            announced.AddRange((await harness.DrainAsync(tenant.Id)).Select(m => (DateOnly.FromDateTime(now.UtcDateTime).DayNumber - readOn.DayNumber, m)));
        }

        announced.Select(a => (a.Day, EventsHarness.Payload<TroubleStartedPayload>(a.Message).Condition)).ShouldBe(
        [
            (7, $"repo:{repository.Id}:at_risk"),
            (14, $"repo:{repository.Id}:losing_days"),
        ]);
        var losing = EventsHarness.Payload<TroubleStartedPayload>(announced[1].Message);
        losing.LastDailyReadOn.ShouldBe(readOn);
        losing.DaysSinceRead.ShouldBe(14);

        harness.SetNow(Start.AddDays(15).AddHours(6));
        (await harness.CollectAsync(tenant.Id)).Status.ShouldBe(CollectionRunStatus.Succeeded);
        var cleared = new List<NotificationMessage>();
        for (var i = 0; i < 4; i++)
        {
            await harness.EvaluateAtAsync(Start.AddDays(15).AddHours(7 + i));
            cleared.AddRange(await harness.DrainAsync(tenant.Id));
        }

        cleared.Select(m => m.Kind).ShouldBe([NotificationEventKinds.TroubleResolved, NotificationEventKinds.TroubleResolved]);
        cleared.Select(m => EventsHarness.Payload<TroubleResolvedPayload>(m).Condition)
            .ShouldBe([$"repo:{repository.Id}:at_risk", $"repo:{repository.Id}:losing_days"], ignoreOrder: true);
    }

    [Fact]
    public async Task AFailedRun_OpensRunsFailed_UntilALaterRunSucceeds()
    {
        await using var harness = new EventsHarness(database, Start, _simulator);
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Trouble);
        var runs = harness.Get<ICollectionRunStore>();

        // The run store records what a collector's run that failed as a whole records.
        var failed = await runs.StartAsync(CollectionTrigger.Schedule, "schedule", tenant.Id);
        await runs.FinishAsync(failed.Id, CollectionRunStatus.Failed, new CollectionProgress(0, 0, 0, 0, null));
        var messages = new List<NotificationMessage>();
        for (var i = 0; i < 3; i++)
        {
            await harness.EvaluateAtAsync(Start.AddMinutes(i));
            messages.AddRange(await harness.DrainAsync(tenant.Id));
        }

        messages.Select(m => m.Kind).ShouldBe([NotificationEventKinds.TroubleStarted]);
        var started = EventsHarness.Payload<TroubleStartedPayload>(messages[0]);
        started.Condition.ShouldBe("runs:failed");
        started.RunId.ShouldBe(failed.Id);

        // A second failure while it is open says nothing new.
        var again = await runs.StartAsync(CollectionTrigger.Schedule, "schedule", tenant.Id);
        await runs.FinishAsync(again.Id, CollectionRunStatus.Failed, new CollectionProgress(0, 0, 0, 0, null));
        await harness.EvaluateAtAsync(Start.AddMinutes(10));
        (await harness.DrainAsync(tenant.Id)).ShouldBeEmpty();

        var succeeded = await runs.StartAsync(CollectionTrigger.Schedule, "schedule", tenant.Id);
        await runs.FinishAsync(succeeded.Id, CollectionRunStatus.Succeeded, new CollectionProgress(0, 0, 0, 0, null));
        messages.Clear();
        for (var i = 0; i < 3; i++)
        {
            await harness.EvaluateAtAsync(Start.AddMinutes(20 + i));
            messages.AddRange(await harness.DrainAsync(tenant.Id));
        }

        messages.Select(m => m.Kind).ShouldBe([NotificationEventKinds.TroubleResolved]);
        EventsHarness.Payload<TroubleResolvedPayload>(messages[0]).Resolution.ShouldContain(succeeded.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Collects and evaluates (twice, as two replicas would) <paramref name="times"/> times, and returns what reached the outbox.</summary>
    private static async Task<List<NotificationMessage>> CollectAndEvaluateAsync(EventsHarness harness, Tenant tenant, Func<DateTimeOffset> next, int times = 6)
    {
        var messages = new List<NotificationMessage>();
        for (var i = 0; i < times; i++)
        {
            var now = next();
            harness.SetNow(now);
            await harness.CollectAsync(tenant.Id);
            await harness.EvaluateAtAsync(now);
            await harness.EvaluateAtAsync(now.AddMinutes(1));
            messages.AddRange(await harness.DrainAsync(tenant.Id));
        }

        return messages;
    }
}
