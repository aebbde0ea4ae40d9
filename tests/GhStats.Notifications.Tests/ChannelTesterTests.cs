using System.Text.Json.Nodes;
using GhStats.Domain;
using GhStats.Notifications.Delivery;
using GhStats.Storage.Conformance.Databases;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>"Send a test" and the running dispatcher, over the real outbox.</summary>
public sealed class ChannelTesterTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task SendTest_ToSlack_DeliversAtOnce_SayingWhoAskedAndWhen_AndAnswersTheLogLine()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddSlackAsync(tenant.Id, _receiver.Address);

        var line = await harness.Tester.SendTestAsync(channel, "owner@example.com");

        (line.Succeeded, line.Kind, line.ChannelId, line.Attempt, line.Outcome).ShouldBe((true, "channel.test", (long?)channel.Id, 1, "HTTP 200: ok"));
        var blocks = JsonNode.Parse(_receiver.Received.ShouldHaveSingleItem().Body)!["blocks"]!.AsArray();
        blocks[0]!["text"]!["text"]!.GetValue<string>().ShouldBe($"Test message for {channel.Name}");
        var summary = blocks[1]!["text"]!["text"]!.GetValue<string>();
        summary.ShouldStartWith($"owner@example.com sent this test from GhStats at {harness.Clock.GetUtcNow().UtcDateTime.ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en"))} UTC");
        (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem().Id.ShouldBe(line.Id);
    }

    [Fact]
    public async Task SendTest_ToAWebhook_ThatRefuses_AnswersTheFailedLine()
    {
        await using var harness = new NotificationHarness(database);
        _receiver.Script(new ReceiverAnswer(401, "bad signature"));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, "whsec_x");

        var line = await harness.Tester.SendTestAsync(channel, "owner@example.com");

        (line.Succeeded, line.WillRetry, line.Outcome).ShouldBe((false, false, "HTTP 401: bad signature"));
        var body = JsonNode.Parse(_receiver.Received.ShouldHaveSingleItem().Body)!;
        body["type"]!.GetValue<string>().ShouldBe("channel.test");
        body["data"]!["requestedBy"]!.GetValue<string>().ShouldBe("owner@example.com");
        body["data"]!["channelId"]!.GetValue<long>().ShouldBe(channel.Id);
    }

    [Fact]
    public async Task Dispatcher_RunningAsAHostedService_DeliversAnEventRaisedInProcess_WhenWoken()
    {
        // An hour between polls: only the wake-up can make this delivery happen within the test.
        await using var harness = new NotificationHarness(database, o => o.PollInterval = TimeSpan.FromHours(1));
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddWebhookAsync(tenant.Id, _receiver.Address, "whsec_x");
        var dispatcher = harness.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);   // let its first (empty) poll pass
            var eventId = await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, "{}", channel.Id);
            harness.Services.GetRequiredService<OutboxSignal>().Wake();

            var request = await _receiver.WaitForRequestAsync(1, TimeSpan.FromSeconds(20));
            request.Header("GhStats-Event-Id").ShouldBe(eventId.ToString());
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }
}
