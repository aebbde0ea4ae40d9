using GhStats.Domain;
using GhStats.Stores;
using Shouldly;
using Xunit;

namespace GhStats.Storage.Conformance;

public abstract partial class StoreConformanceTests
{
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(2);

    [StoreFact]
    public async Task Notifications_AddChannel_StoresEveryField_AndReadsAreScopedToTheTenant()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();

        var webhook = await Notifications.AddChannelAsync(new NewNotificationChannel(
            tenant.Id, "Ops hook ü", NotificationChannelKind.Webhook, NotificationTopics.Spike | NotificationTopics.Trouble, null, "protected-secret", "ann@example.com"));
        var email = await Notifications.AddChannelAsync(new NewNotificationChannel(
            tenant.Id, "A mail", NotificationChannelKind.Email, NotificationTopics.Digest, "a@example.com,b@example.com", null, null));

        webhook.CreatedAt.ShouldBe(Start);
        (await Notifications.GetChannelAsync(tenant.Id, webhook.Id)).ShouldBe(webhook);
        webhook.ShouldBe(new NotificationChannel(
            webhook.Id, tenant.Id, "Ops hook ü", NotificationChannelKind.Webhook, NotificationTopics.Spike | NotificationTopics.Trouble, null, "protected-secret", Start, "ann@example.com"));
        (await Notifications.ListChannelsAsync(tenant.Id)).ShouldBe([email, webhook]);
        (await Notifications.ListChannelsAsync(other.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.GetChannelAsync(other.Id, webhook.Id));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.DeleteChannelAsync(other.Id, webhook.Id));
    }

    [StoreFact]
    public async Task Notifications_AddChannel_RefusesATakenName_AnUnknownTenant_AndChannelsWithoutTheirTarget()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "Team"));

        await Should.ThrowAsync<GhStatsConflictException>(() => Notifications.AddChannelAsync(EmailChannel(tenant.Id, "Team")));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.AddChannelAsync(EmailChannel(-1, "Team")));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.AddChannelAsync(
            new NewNotificationChannel(tenant.Id, "Mail", NotificationChannelKind.Email, NotificationTopics.All, null, null, null)));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.AddChannelAsync(
            new NewNotificationChannel(tenant.Id, "Hook", NotificationChannelKind.Slack, NotificationTopics.All, null, null, null)));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.AddChannelAsync(EmailChannel(tenant.Id, new string('n', FieldLimits.ChannelName + 1))));
        (await Notifications.AddChannelAsync(EmailChannel((await NewTenantAsync()).Id, "Team"))).Name.ShouldBe("Team");
    }

    [StoreFact]
    public async Task Notifications_Raise_QueuesOneMessagePerChannelThatTakesTheTopic_AndNoneForOtherTenants()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        _ = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "digest only", NotificationTopics.Digest));
        var spikes = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "spikes", NotificationTopics.Spike | NotificationTopics.Trouble));
        var all = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all", NotificationTopics.All));
        await Notifications.AddChannelAsync(EmailChannel(other.Id, "other all", NotificationTopics.All));
        var spike = Event(tenant.Id, NotificationTopics.Spike, "spike:12:2024-03-14") with { Kind = NotificationEventKinds.Spike, Payload = "{\"views\":900}" };

        (await Notifications.RaiseAsync(spike)).ShouldBeTrue();

        var messages = await ClaimMineAsync(tenant.Id);
        messages.Select(m => m.ChannelId).ShouldBe([spikes.Id, all.Id], ignoreOrder: true);
        messages.ShouldAllBe(m => m.EventId == spike.Id && m.Kind == NotificationEventKinds.Spike && m.Payload == "{\"views\":900}"
            && m.OccurredAt == spike.OccurredAt && m.UserId == null && m.Attempts == 0 && m.NextAttemptAt == Start);
        (await ClaimMineAsync(other.Id)).ShouldBeEmpty();
    }

    [StoreFact]
    public async Task Notifications_Raise_AKeyTwice_ReturnsFalse_AndWritesNothing()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        var first = Event(tenant.Id, NotificationTopics.Digest, "digest:2024-W10");

        (await Notifications.RaiseAsync(first)).ShouldBeTrue();
        (await Notifications.RaiseAsync(first with { Id = Guid.NewGuid(), Payload = "{\"again\":true}" })).ShouldBeFalse();
        (await Notifications.RaiseAsync(first with { Id = Guid.NewGuid(), TenantId = (await NewTenantAsync()).Id })).ShouldBeTrue();

        var message = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        message.EventId.ShouldBe(first.Id);
        message.Payload.ShouldBe(first.Payload);
    }

    [StoreFact]
    public async Task Notifications_Raise_TheSameKeyFromManyProcessesAtOnce_RecordsItOnce()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        var key = "spike:1:" + Unique();

        var raised = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, key)))));

        raised.Count(r => r).ShouldBe(1);
        (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
    }

    [StoreFact]
    public async Task Notifications_Raise_ToOneChannel_ReachesOnlyThatChannel_WhateverItsTopics_AndOnlyInItsTenant()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var quiet = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "quiet", NotificationTopics.None));
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        var foreign = await Notifications.AddChannelAsync(EmailChannel(other.Id, "foreign"));

        (await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Trouble, "test:" + quiet.Id) with { ChannelId = quiet.Id, Kind = NotificationEventKinds.Test }))
            .ShouldBeTrue();
        await Should.ThrowAsync<GhStatsNotFoundException>(() =>
            Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Trouble, "test:" + foreign.Id) with { ChannelId = foreign.Id }));

        (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem().ChannelId.ShouldBe(quiet.Id);
        (await ClaimMineAsync(other.Id)).ShouldBeEmpty();

        // The refused raise wrote nothing: its key is still free.
        (await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Trouble, "test:" + foreign.Id) with { ChannelId = quiet.Id })).ShouldBeTrue();
    }

    [StoreFact]
    public async Task Notifications_Raise_ToOneSubscriber_QueuesTheirMessage_OnlyWhenTheyTakeTheTopic()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        await Notifications.SetSubscriptionAsync(user.Id, tenant.Id, NotificationTopics.Digest);
        var digest = Event(tenant.Id, NotificationTopics.Digest, $"digest:2024-W10:user:{user.Id}") with { UserId = user.Id };
        var spike = Event(tenant.Id, NotificationTopics.Spike, $"spike:user:{user.Id}") with { UserId = user.Id };

        (await Notifications.RaiseAsync(digest)).ShouldBeTrue();
        (await Notifications.RaiseAsync(spike)).ShouldBeTrue();

        var message = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        message.UserId.ShouldBe(user.Id);
        message.ChannelId.ShouldBeNull();
        message.EventId.ShouldBe(digest.Id);

        // The event without a destination is recorded all the same: its key is spent.
        (await Notifications.RaiseAsync(spike with { Id = Guid.NewGuid() })).ShouldBeFalse();
    }

    [StoreFact]
    public async Task Notifications_Raise_RefusesAnEventWithSeveralTopics_OrTwoDestinations_OrAnUnknownTenant()
    {
        var tenant = await NewTenantAsync();

        await Should.ThrowAsync<ArgumentException>(() => Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.All, "k1")));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.None, "k2")));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Digest, "k3") with { ChannelId = 1, UserId = 1 }));
        await Should.ThrowAsync<ArgumentException>(() => Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Digest, new string('k', FieldLimits.NotificationKey + 1))));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.RaiseAsync(Event(-1, NotificationTopics.Digest, "k4")));
    }

    [StoreFact]
    public async Task Notifications_Subscription_IsSetChangedListedAndRemoved()
    {
        var tenant = await NewTenantAsync();
        var second = await NewTenantAsync();
        var ann = await NewUserAsync();
        var bo = await NewUserAsync();

        var created = await Notifications.SetSubscriptionAsync(ann.Id, tenant.Id, NotificationTopics.Digest);
        created.ShouldBe(new NotificationSubscription(ann.Id, tenant.Id, NotificationTopics.Digest, Start));
        Clock.Advance(TimeSpan.FromHours(1));
        (await Notifications.SetSubscriptionAsync(ann.Id, tenant.Id, NotificationTopics.Digest | NotificationTopics.Trouble))
            .ShouldBe(new NotificationSubscription(ann.Id, tenant.Id, NotificationTopics.Digest | NotificationTopics.Trouble, Start));
        await Notifications.SetSubscriptionAsync(ann.Id, second.Id, NotificationTopics.Spike);
        await Notifications.SetSubscriptionAsync(bo.Id, tenant.Id, NotificationTopics.Spike | NotificationTopics.Trouble);

        (await Notifications.ListSubscriptionsAsync(ann.Id)).Select(s => (s.TenantId, s.Topics))
            .ShouldBe([(tenant.Id, NotificationTopics.Digest | NotificationTopics.Trouble), (second.Id, NotificationTopics.Spike)]);
        (await Notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Trouble)).Select(s => s.UserId).ShouldBe([ann.Id, bo.Id]);
        (await Notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Digest)).Select(s => s.UserId).ShouldBe([ann.Id]);
        (await Notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Spike)).Select(s => s.UserId).ShouldBe([bo.Id]);

        (await Notifications.SetSubscriptionAsync(ann.Id, tenant.Id, NotificationTopics.None)).ShouldBeNull();
        (await Notifications.ListSubscriptionsAsync(ann.Id)).ShouldHaveSingleItem().TenantId.ShouldBe(second.Id);
        (await Notifications.ListSubscribersAsync(tenant.Id, NotificationTopics.Trouble)).Select(s => s.UserId).ShouldBe([bo.Id]);
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.SetSubscriptionAsync(-1, tenant.Id, NotificationTopics.Digest));
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.SetSubscriptionAsync(ann.Id, -1, NotificationTopics.Digest));
    }

    [StoreFact]
    public async Task Notifications_Condition_OpensOnce_ClosesOnce_AndAnnouncesEachInTheSameTransaction()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "trouble", NotificationTopics.Trouble));
        var key = "repo:12:no_push_access";
        var condition = new NotificationCondition(tenant.Id, key, Start, "acme/site: the token has no push access");
        var started = Event(tenant.Id, NotificationTopics.Trouble, $"{key}:started:1") with { Kind = NotificationEventKinds.TroubleStarted };

        (await Notifications.OpenConditionAsync(condition, started)).ShouldBeTrue();
        (await Notifications.OpenConditionAsync(condition, started with { Id = Guid.NewGuid(), Key = $"{key}:started:2" })).ShouldBeFalse();

        (await Notifications.ListOpenConditionsAsync(tenant.Id)).ShouldBe([condition]);
        (await Notifications.ListOpenConditionsAsync()).ShouldContain(condition);
        (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem().EventId.ShouldBe(started.Id);

        var resolved = Event(tenant.Id, NotificationTopics.Trouble, $"{key}:resolved:3") with { Kind = NotificationEventKinds.TroubleResolved };
        (await Notifications.CloseConditionAsync(tenant.Id, key, resolved)).ShouldBeTrue();
        (await Notifications.CloseConditionAsync(tenant.Id, key, resolved with { Id = Guid.NewGuid(), Key = $"{key}:resolved:4" })).ShouldBeFalse();

        (await Notifications.ListOpenConditionsAsync(tenant.Id)).ShouldBeEmpty();
        (await Notifications.ListOpenConditionsAsync()).ShouldNotContain(condition);
        var announced = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        announced.EventId.ShouldBe(resolved.Id);
        announced.Kind.ShouldBe(NotificationEventKinds.TroubleResolved);
    }

    [StoreFact]
    public async Task Notifications_CloseCondition_RaisesSubscribersCopiesWithIt_AndNoneWhenItWasNotOpen()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "trouble", NotificationTopics.Trouble));
        await Notifications.SetSubscriptionAsync(user.Id, tenant.Id, NotificationTopics.Trouble);
        var key = "connection:3:unauthorized";
        var started = Event(tenant.Id, NotificationTopics.Trouble, $"{key}:started:1") with { Kind = NotificationEventKinds.TroubleStarted };
        (await Notifications.OpenConditionAsync(new NotificationCondition(tenant.Id, key, Start, "the token was refused"), started)).ShouldBeTrue();
        (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        var resolved = Event(tenant.Id, NotificationTopics.Trouble, $"{key}:resolved:2") with { Kind = NotificationEventKinds.TroubleResolved };
        var copy = resolved with { Id = Guid.NewGuid(), Key = $"{key}:resolved:2:user:{user.Id}", UserId = user.Id };

        (await Notifications.CloseConditionAsync(tenant.Id, key, resolved, [copy])).ShouldBeTrue();
        var messages = await ClaimMineAsync(tenant.Id);
        messages.Select(m => (m.EventId, m.UserId is not null)).OrderBy(m => m.Item2).ShouldBe([(resolved.Id, false), (copy.Id, true)]);

        var late = copy with { Id = Guid.NewGuid(), Key = $"{key}:resolved:3:user:{user.Id}" };
        (await Notifications.CloseConditionAsync(tenant.Id, key, resolved with { Id = Guid.NewGuid(), Key = $"{key}:resolved:3" }, [late])).ShouldBeFalse();
        (await Notifications.RaiseAsync(late)).ShouldBeTrue("a copy refused with its closing was not written");
        await Should.ThrowAsync<ArgumentException>(() => Notifications.CloseConditionAsync(tenant.Id, key, resolved, [copy with { TenantId = tenant.Id + 1000 }]));
    }

    [StoreFact]
    public async Task Notifications_OpenCondition_FromManyProcessesAtOnce_OpensItOnce_AndAnnouncesItOnce()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "trouble", NotificationTopics.Trouble));
        var condition = new NotificationCondition(tenant.Id, "connection:3:unauthorized", Start, "the token was revoked");

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Notifications.OpenConditionAsync(
            condition, Event(tenant.Id, NotificationTopics.Trouble, $"connection:3:unauthorized:started:{i}") with { Kind = NotificationEventKinds.TroubleStarted }))));

        opened.Count(o => o).ShouldBe(1);
        (await Notifications.ListOpenConditionsAsync(tenant.Id)).ShouldBe([condition]);
        (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationEventKinds.TroubleStarted);
    }

    [StoreFact]
    public async Task Notifications_Claim_HoldsAMessageUntilItsClaimLapses_ThenAnotherProcessMayTakeIt()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:lapse"));

        var first = (await ClaimMineAsync(tenant.Id, "process-a")).ShouldHaveSingleItem();
        (await ClaimMineAsync(tenant.Id, "process-b")).ShouldBeEmpty();
        Clock.Advance(ClaimTime - TimeSpan.FromSeconds(1));
        (await ClaimMineAsync(tenant.Id, "process-b")).ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromSeconds(1));

        (await ClaimMineAsync(tenant.Id, "process-b")).ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Notifications.ClaimDueAsync("process-c", 10, Clock.GetUtcNow()));
    }

    [StoreFact]
    public async Task Notifications_Claim_FromTwoProcessesAtOnce_NeverHandsOutAMessageTwice()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "one"));
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "two"));
        for (var i = 0; i < 15; i++)
        {
            await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:race:" + i));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var mine = new List<NotificationMessage>();
            for (var round = 0; round < 5; round++)
            {
                mine.AddRange((await Notifications.ClaimDueAsync("process-" + p, 3, Clock.GetUtcNow() + ClaimTime)).Where(m => m.TenantId == tenant.Id));
            }

            return mine;
        })));

        var ids = claims.SelectMany(c => c.Select(m => m.Id)).ToList();
        ids.Count.ShouldBe(ids.Distinct().Count());
        ids.Count.ShouldBeLessThanOrEqualTo(30);
        (ids.Count + (await ClaimMineAsync(tenant.Id)).Count).ShouldBe(30);
    }

    [StoreFact]
    public async Task Notifications_RecordAttempt_LogsIt_AndMakesTheMessageDueAgainAtItsRetryTime_ThenDelivered()
    {
        var tenant = await NewTenantAsync();
        var channel = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        var spike = Event(tenant.Id, NotificationTopics.Spike, "spike:retry") with { Kind = NotificationEventKinds.Spike };
        await Notifications.RaiseAsync(spike);
        var message = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        var retryAt = Start + TimeSpan.FromMinutes(10);

        var failed = await Notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(false, "HTTP 503", retryAt));

        failed.ShouldBe(new NotificationDelivery(failed.Id, message.Id, spike.Id, tenant.Id, channel.Id, null, NotificationEventKinds.Spike, 1, Start, false, "HTTP 503", true));
        Clock.Advance(TimeSpan.FromMinutes(9));
        (await ClaimMineAsync(tenant.Id)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var again = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();
        again.Attempts.ShouldBe(1);
        again.NextAttemptAt.ShouldBe(retryAt);

        var delivered = await Notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(true, "SMTP 250 queued", null));

        delivered.Attempt.ShouldBe(2);
        delivered.Succeeded.ShouldBeTrue();
        delivered.WillRetry.ShouldBeFalse();
        delivered.Id.ShouldBeGreaterThan(failed.Id);
        Clock.Advance(TimeSpan.FromDays(1));
        (await ClaimMineAsync(tenant.Id)).ShouldBeEmpty();
        (await Notifications.ListDeliveriesAsync(tenant.Id)).ShouldBe([delivered, failed]);
    }

    [StoreFact]
    public async Task Notifications_RecordAttempt_WithoutARetryTime_GivesUp_AndCutsALongOutcome()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Digest, "digest:give-up"));
        var message = (await ClaimMineAsync(tenant.Id)).ShouldHaveSingleItem();

        var line = await Notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(false, new string('e', FieldLimits.DeliveryOutcome * 2), null));

        line.WillRetry.ShouldBeFalse();
        line.Succeeded.ShouldBeFalse();
        line.Outcome.Length.ShouldBe(FieldLimits.DeliveryOutcome);
        line.Outcome.ShouldEndWith("…");
        (await Notifications.ListDeliveriesAsync(tenant.Id)).ShouldHaveSingleItem().ShouldBe(line);
        Clock.Advance(TimeSpan.FromDays(30));
        (await ClaimMineAsync(tenant.Id)).ShouldBeEmpty();
        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.RecordAttemptAsync(-1, new NotificationAttempt(true, "HTTP 200", null)));
    }

    [StoreFact]
    public async Task Notifications_RecordAttempt_FromAProcessWhoseClaimLapsed_NeverReopensADeliveredMessage()
    {
        var tenant = await NewTenantAsync();
        await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:late"));
        var slow = (await ClaimMineAsync(tenant.Id, "slow-process")).ShouldHaveSingleItem();
        Clock.Advance(ClaimTime);
        var fast = (await ClaimMineAsync(tenant.Id, "fast-process")).ShouldHaveSingleItem();
        fast.Id.ShouldBe(slow.Id);
        await Notifications.RecordAttemptAsync(fast.Id, new NotificationAttempt(true, "HTTP 200", null));

        var late = await Notifications.RecordAttemptAsync(slow.Id, new NotificationAttempt(false, "timed out", Clock.GetUtcNow()));

        late.Attempt.ShouldBe(2);
        late.WillRetry.ShouldBeFalse();
        Clock.Advance(TimeSpan.FromHours(1));
        (await ClaimMineAsync(tenant.Id)).ShouldBeEmpty();
        (await Notifications.ListDeliveriesAsync(tenant.Id)).Select(d => (d.Attempt, d.Succeeded)).ShouldBe([(2, false), (1, true)]);
    }

    [StoreFact]
    public async Task Notifications_ListDeliveries_PagesNewestFirst_ByChannel_AndOnlyTheTenantsOwn()
    {
        var tenant = await NewTenantAsync();
        var other = await NewTenantAsync();
        var one = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "one"));
        var two = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "two"));
        await Notifications.AddChannelAsync(EmailChannel(other.Id, "other"));
        for (var i = 0; i < 3; i++)
        {
            await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:page:" + i));
            await Notifications.RaiseAsync(Event(other.Id, NotificationTopics.Spike, "spike:page:" + i));
        }

        foreach (var message in (await ClaimMineAsync(tenant.Id)).Concat(await ClaimMineAsync(other.Id)))
        {
            await Notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(true, "HTTP 200", null));
        }

        var all = await Notifications.ListDeliveriesAsync(tenant.Id, limit: 500);
        all.Count.ShouldBe(6);
        all.ShouldAllBe(d => d.TenantId == tenant.Id);
        all.Select(d => d.Id).ShouldBe(all.Select(d => d.Id).OrderDescending());
        var page = await Notifications.ListDeliveriesAsync(tenant.Id, limit: 4);
        page.ShouldBe(all.Take(4));
        (await Notifications.ListDeliveriesAsync(tenant.Id, limit: 4, beforeId: page[^1].Id)).ShouldBe(all.Skip(4));
        (await Notifications.ListDeliveriesAsync(tenant.Id, two.Id)).ShouldBe(all.Where(d => d.ChannelId == two.Id));
        (await Notifications.ListDeliveriesAsync(tenant.Id, one.Id)).Count.ShouldBe(3);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Notifications.ListDeliveriesAsync(tenant.Id, limit: 501));
    }

    [StoreFact]
    public async Task Notifications_DeleteChannel_DropsItsPendingMessages_AndKeepsItsDeliveryLog()
    {
        var tenant = await NewTenantAsync();
        var doomed = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "doomed"));
        var kept = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "kept"));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:delete:1"));
        foreach (var message in await ClaimMineAsync(tenant.Id))
        {
            await Notifications.RecordAttemptAsync(message.Id, new NotificationAttempt(false, "HTTP 500", Start));
        }

        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:delete:2"));

        await Notifications.DeleteChannelAsync(tenant.Id, doomed.Id);

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.GetChannelAsync(tenant.Id, doomed.Id));
        (await ClaimMineAsync(tenant.Id)).Select(m => m.ChannelId).ShouldBe([kept.Id, kept.Id]);
        (await Notifications.ListDeliveriesAsync(tenant.Id, doomed.Id)).ShouldHaveSingleItem().Outcome.ShouldBe("HTTP 500");
        (await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "doomed"))).Id.ShouldNotBe(doomed.Id);
    }

    [StoreFact]
    public async Task Notifications_DeleteTenant_RemovesItsChannelsSubscriptionsEventsMessagesConditionsAndLog()
    {
        var tenant = await NewTenantAsync();
        var user = await NewUserAsync();
        var channel = await Notifications.AddChannelAsync(EmailChannel(tenant.Id, "all"));
        await Notifications.SetSubscriptionAsync(user.Id, tenant.Id, NotificationTopics.All);
        await Notifications.OpenConditionAsync(
            new NotificationCondition(tenant.Id, "runs:failed", Start, "runs fail"), Event(tenant.Id, NotificationTopics.Trouble, "runs:failed:started:1"));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Digest, "digest:user") with { UserId = user.Id });
        var claimed = await ClaimMineAsync(tenant.Id);
        await Notifications.RecordAttemptAsync(claimed[0].Id, new NotificationAttempt(false, "HTTP 500", Start));
        await Notifications.RaiseAsync(Event(tenant.Id, NotificationTopics.Spike, "spike:pending"));

        await Tenants.DeleteAsync(tenant.Id);

        await Should.ThrowAsync<GhStatsNotFoundException>(() => Notifications.GetChannelAsync(tenant.Id, channel.Id));
        (await Notifications.ListChannelsAsync(tenant.Id)).ShouldBeEmpty();
        (await Notifications.ListSubscriptionsAsync(user.Id)).ShouldBeEmpty();
        (await Notifications.ListOpenConditionsAsync(tenant.Id)).ShouldBeEmpty();
        (await Notifications.ListDeliveriesAsync(tenant.Id)).ShouldBeEmpty();
        Clock.Advance(TimeSpan.FromDays(1));
        (await ClaimMineAsync(tenant.Id)).ShouldBeEmpty();
    }

    private static NewNotificationChannel EmailChannel(long tenantId, string name, NotificationTopics topics = NotificationTopics.All) =>
        new(tenantId, name, NotificationChannelKind.Email, topics, "team@example.com", null, "owner@example.com");

    private NotificationEvent Event(long tenantId, NotificationTopics topic, string key) =>
        new(Guid.NewGuid(), tenantId, NotificationEventKinds.Digest, topic, key, "{\"n\":1}", Clock.GetUtcNow() - TimeSpan.FromMinutes(1));

    /// <summary>Claims every due message (the database is shared by the suite) and keeps the tenant's.</summary>
    private async Task<List<NotificationMessage>> ClaimMineAsync(long tenantId, string holder = "test-process") =>
        (await Notifications.ClaimDueAsync(holder, 1000, Clock.GetUtcNow() + ClaimTime)).Where(m => m.TenantId == tenantId).ToList();
}
