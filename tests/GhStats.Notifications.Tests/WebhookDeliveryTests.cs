using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Storage.Conformance.Databases;
using GhStats.Testing.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using System.Diagnostics.Metrics;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>Webhooks end to end: a real SQLite outbox, the dispatcher, and a receiver on loopback that checks signatures as the README says.</summary>
public sealed class WebhookDeliveryTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private const string Secret = "whsec_dGVzdC1zaWduaW5nLXNlY3JldC1mb3ItZ2hzdGF0cw";
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Webhook_IsSignedAsDocumented_AndCarriesTheEnvelope()
    {
        await using var harness = new NotificationHarness(database);
        using var metrics = new MetricRecorder(harness.Services.GetRequiredService<IMeterFactory>());
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "GhStats",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, new Uri(_receiver.Address, "hooks/ghstats"), Secret);
        var eventId = await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, """{"repoId":12,"views":1204}""", channel.Id);

        await harness.DeliverDueAsync();

        var request = _receiver.Received.ShouldHaveSingleItem();
        request.Path.ShouldBe("/hooks/ghstats");
        request.Header("Content-Type").ShouldBe("application/json");
        request.Header("GhStats-Event-Id").ShouldBe(eventId.ToString());
        request.Header("GhStats-Signature").ShouldStartWith("v1=");
        new WebhookVerifier(Secret, harness.Clock).Verify(request.Header("GhStats-Event-Id"), request.Header("GhStats-Timestamp"), request.Header("GhStats-Signature"), request.Body)
            .ShouldBe(WebhookVerdict.Accept(eventId.ToString()));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "type", "tenant", "occurredAt", "data"]);
        root.GetProperty("id").GetGuid().ShouldBe(eventId);
        root.GetProperty("type").GetString().ShouldBe("traffic.spike");
        root.GetProperty("tenant").GetString().ShouldBe(tenant.Slug);
        root.GetProperty("data").GetProperty("views").GetInt32().ShouldBe(1204);

        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.WillRetry, line.Attempt, line.EventId, line.ChannelId, line.Outcome).ShouldBe((true, false, 1, eventId, (long?)channel.Id, "HTTP 200: ok"));
        metrics.Of("ghstats.notifications.deliveries").ShouldHaveSingleItem().Tags.ShouldContain(new KeyValuePair<string, object?>("outcome", "delivered"));
        metrics.Of("ghstats.notifications.delivery.duration").ShouldHaveSingleItem().Tags.ShouldContain(new KeyValuePair<string, object?>("channel", "webhook"));
        var span = spans.Single(a => a.OperationName == "ghstats.notifications.delivery" && (string?)a.GetTagItem("ghstats.notification.event_id") == eventId.ToString());
        (span.GetTagItem("ghstats.notification.channel"), span.GetTagItem("ghstats.notification.outcome"), span.GetTagItem("ghstats.notification.attempt"))
            .ShouldBe(("webhook", "delivered", (object)1));
    }

    [Fact]
    public async Task Receiver_RejectsAReplayedMessage_AndAnOldTimestamp()
    {
        await using var harness = new NotificationHarness(database);
        var verifier = new WebhookVerifier(Secret, harness.Clock);
        _receiver.Answer = request => Task.FromResult(Check(verifier, request));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Test, """{"n":1}""", channel.Id);
        await harness.DeliverDueAsync();
        var original = _receiver.Received.ShouldHaveSingleItem();
        (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem().Outcome.ShouldBe("HTTP 200: accepted");

        // The very same request again (same id, timestamp and signature) is a replay.
        using var replay = await ResendAsync(original, original.Body);
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadAsStringAsync()).ShouldBe("replayed id");

        // A receiver that never saw it still refuses it once its timestamp is older than 5 minutes, and only then.
        new WebhookVerifier(Secret, harness.Clock).Verify(original.Header("GhStats-Event-Id"), original.Header("GhStats-Timestamp"), original.Header("GhStats-Signature"), original.Body)
            .Accepted.ShouldBeTrue();
        var later = new Testing.CalendarClock(harness.Clock.GetUtcNow() + TimeSpan.FromMinutes(6));
        new WebhookVerifier(Secret, later).Verify(original.Header("GhStats-Event-Id"), original.Header("GhStats-Timestamp"), original.Header("GhStats-Signature"), original.Body)
            .ShouldBe(WebhookVerdict.Reject("stale timestamp"));
    }

    [Fact]
    public async Task Receiver_RejectsAnAlteredBody_OrTimestamp()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, """{"views":10}""", channel.Id);
        await harness.DeliverDueAsync();
        var original = _receiver.Received.ShouldHaveSingleItem();
        var verifier = new WebhookVerifier(Secret, harness.Clock);
        _receiver.Answer = request => Task.FromResult(Check(verifier, request));

        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original.Body).Replace("\"views\":10", "\"views\":99999", StringComparison.Ordinal));
        altered.ShouldNotBe(original.Body);
        using var alteredBody = await ResendAsync(original, altered);
        using var alteredTime = await ResendAsync(original, original.Body, timestamp: (long.Parse(original.Header("GhStats-Timestamp")!, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        (alteredBody.StatusCode, await alteredBody.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.BadRequest, "bad signature"));
        (alteredTime.StatusCode, await alteredTime.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.BadRequest, "bad signature"));
        new WebhookVerifier("whsec_another", harness.Clock).Verify(original.Header("GhStats-Event-Id"), original.Header("GhStats-Timestamp"), original.Header("GhStats-Signature"), original.Body)
            .ShouldBe(WebhookVerdict.Reject("bad signature"));
    }

    [Fact]
    public async Task Webhook_After500s_IsRetriedWithBackoff_ThenDelivered()
    {
        await using var harness = new NotificationHarness(database, o => o.RetryBaseDelay = TimeSpan.FromSeconds(30));
        _receiver.Script(new ReceiverAnswer(500, "upstream down"), new ReceiverAnswer(502, "<html>bad gateway</html>"));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        var eventId = await harness.RaiseAsync(tenant.Id, NotificationEventKinds.TroubleStarted, """{"key":"runs:failed"}""", channel.Id);

        await harness.DeliverDueAsync();
        await harness.DeliverDueAsync();
        _receiver.Received.Count.ShouldBe(1, "the retry is not due before its backoff");
        harness.Clock.Advance(TimeSpan.FromSeconds(38));   // first retry: 30 s ± 25 %
        await harness.DeliverDueAsync();
        _receiver.Received.Count.ShouldBe(2);
        harness.Clock.Advance(TimeSpan.FromSeconds(44));   // second retry is 60 s ± 25 %: not yet
        await harness.DeliverDueAsync();
        _receiver.Received.Count.ShouldBe(2, "the second retry waits about twice as long");
        harness.Clock.Advance(TimeSpan.FromSeconds(32));
        await harness.DeliverDueAsync();

        _receiver.Received.Count.ShouldBe(3);
        _receiver.Received.ShouldAllBe(r => r.Header("GhStats-Event-Id") == eventId.ToString());
        _receiver.Received.ShouldAllBe(r => new WebhookVerifier(Secret, harness.Clock).Verify(r.Header("GhStats-Event-Id"), r.Header("GhStats-Timestamp"), r.Header("GhStats-Signature"), r.Body).Accepted);
        var lines = await harness.DeliveriesAsync(tenant.Id);
        lines.Select(l => (l.Attempt, l.Succeeded, l.WillRetry, l.Outcome)).ShouldBe(
        [
            (1, false, true, "HTTP 500: upstream down"),
            (2, false, true, "HTTP 502: <html>bad gateway</html>"),
            (3, true, false, "HTTP 200: ok"),
        ]);
    }

    [Fact]
    public async Task Webhook_ThatKeepsFailing_IsGivenUp_AfterMaxAttempts()
    {
        await using var harness = new NotificationHarness(database, o => o.MaxAttempts = 3);
        _receiver.Answer = _ => Task.FromResult(new ReceiverAnswer(503, "maintenance"));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", channel.Id);

        for (var i = 0; i < 5; i++)
        {
            await harness.DeliverDueAsync();
            harness.Clock.Advance(TimeSpan.FromHours(1));
        }

        _receiver.Received.Count.ShouldBe(3);
        var lines = await harness.DeliveriesAsync(tenant.Id);
        lines.Select(l => (l.Attempt, l.Succeeded, l.WillRetry)).ShouldBe([(1, false, true), (2, false, true), (3, false, false)]);
        lines[^1].Outcome.ShouldBe("HTTP 503: maintenance (gave up after 3 attempts)");
    }

    [Theory]
    [InlineData(410, "HTTP 410: gone")]
    [InlineData(401, "HTTP 401: gone")]
    [InlineData(302, "HTTP 302: a redirect, which GhStats does not follow; set the channel's address to the final URL.")]
    public async Task Webhook_RefusedWithA4xxOrRedirected_IsNotRetried(int status, string outcome)
    {
        await using var harness = new NotificationHarness(database);
        _receiver.Answer = _ => Task.FromResult(new ReceiverAnswer(status, "gone"));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", channel.Id);

        await harness.DeliverDueAsync();
        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.DeliverDueAsync();

        _receiver.Received.Count.ShouldBe(1);
        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.WillRetry, line.Outcome).ShouldBe((false, false, outcome));
    }

    [Fact]
    public async Task Webhook_Answered429_WaitsForRetryAfter()
    {
        await using var harness = new NotificationHarness(database, o => o.RetryBaseDelay = TimeSpan.FromSeconds(1));
        _receiver.Script(new ReceiverAnswer(429, "slow down", RetryAfterSeconds: 3600));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", channel.Id);

        await harness.DeliverDueAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(59));
        await harness.DeliverDueAsync();
        _receiver.Received.Count.ShouldBe(1, "Retry-After: 3600 is honoured over the 1 s backoff");
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await harness.DeliverDueAsync();

        _receiver.Received.Count.ShouldBe(2);
        (await harness.DeliveriesAsync(tenant.Id)).Select(l => (l.Succeeded, l.Outcome)).ShouldBe([(false, "HTTP 429: slow down"), (true, "HTTP 200: ok")]);
    }

    [Fact]
    public async Task Webhook_ToAPrivateAddress_IsRefused_UnlessAllowed()
    {
        await using var harness = new NotificationHarness(database, o => o.AllowPrivateAddresses = false);
        var tenant = await harness.NewTenantAsync();
        var loopbackByName = await harness.AddWebhookAsync(tenant.Id, new Uri($"https://localhost:{_receiver.Address.Port}/hook"), Secret);
        var plainHttp = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", loopbackByName.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", plainHttp.Id);

        await harness.DeliverDueAsync();

        _receiver.Received.ShouldBeEmpty();
        var lines = await harness.DeliveriesAsync(tenant.Id);
        lines.ShouldAllBe(l => !l.Succeeded && !l.WillRetry);
        lines.Single(l => l.ChannelId == loopbackByName.Id).Outcome.ShouldBe(
            "Refused: 'localhost' resolves only to loopback, private, link-local or metadata addresses, which GhStats does not call unless GhStats:Notifications:AllowPrivateAddresses is true.");
        lines.Single(l => l.ChannelId == plainHttp.Id).Outcome.ShouldBe(
            "The channel's address must use https (plain http only with GhStats:Notifications:AllowPrivateAddresses).");
    }

    [Fact]
    public async Task Webhook_ToAReceiverThatIsDown_IsRetried()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, new Uri($"http://127.0.0.1:{Testing.LoopbackPort.Free()}/"), Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", channel.Id);

        await harness.DeliverDueAsync();

        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.WillRetry).ShouldBe((false, true));
        line.Outcome.ShouldStartWith("Network: ");
    }

    [Fact]
    public async Task AChannelDeletedWhileItsMessageIsSent_DropsThatMessage_AndTheBatchGoesOn()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var doomed = await harness.AddWebhookAsync(tenant.Id, new Uri(_receiver.Address, "doomed"), Secret);
        var kept = await harness.AddWebhookAsync(tenant.Id, new Uri(_receiver.Address, "kept"), Secret);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Test, """{"n":1}""", doomed.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Test, """{"n":2}""", kept.Id);
        _receiver.Answer = async request =>
        {
            if (request.Path == "/doomed")
            {
                await harness.Store.DeleteChannelAsync(tenant.Id, doomed.Id);
            }

            return new ReceiverAnswer(200, "ok");
        };

        await harness.DeliverDueAsync();

        _receiver.Received.Select(r => r.Path).ShouldBe(["/doomed", "/kept"]);
        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.ChannelId, line.Succeeded).ShouldBe(((long?)kept.Id, true));
    }

    private static ReceiverAnswer Check(WebhookVerifier verifier, ReceivedRequest request)
    {
        var verdict = verifier.Verify(request.Header("GhStats-Event-Id"), request.Header("GhStats-Timestamp"), request.Header("GhStats-Signature"), request.Body);
        return verdict.Accepted ? new ReceiverAnswer(200, "accepted") : new ReceiverAnswer(400, verdict.Reason);
    }

    private async Task<HttpResponseMessage> ResendAsync(ReceivedRequest original, byte[] body, string? timestamp = null)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_receiver.Address, original.Path.TrimStart('/')));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("GhStats-Event-Id", original.Header("GhStats-Event-Id"));
        request.Headers.Add("GhStats-Timestamp", timestamp ?? original.Header("GhStats-Timestamp"));
        request.Headers.Add("GhStats-Signature", original.Header("GhStats-Signature"));
        return await client.SendAsync(request);
    }
}
