using System.Collections.Concurrent;
using GhStats.Domain;
using GhStats.Host.Tests;
using GhStats.Storage.Conformance.Databases;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>
/// The outbox survives a crash: the real host process (<c>GhStats.Host worker</c>) is killed while a webhook send is
/// in flight (between claiming the message and recording the attempt); after a restart on the same database every
/// event arrives, each at least once, and exactly once after the receiver de-duplicates by id.
/// </summary>
public sealed class ProcessCrashTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private const string Secret = "whsec_Y3Jhc2gtdGVzdC1zaWduaW5nLXNlY3JldA";
    private const int Events = 5;
    private LoopbackReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task HostKilledBetweenClaimAndRecord_AfterRestart_EveryEventArrives_EachOnceById()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        // The worker runs on the real clock: on a Monday it raises the weekly digest to every channel that takes it, an
        // event this test did not raise. The channel takes spikes only; the events below name it, so they reach it all the same.
        var channel = await harness.AddWebhookAsync(tenant.Id, new Uri(_receiver.Address, "hook"), Secret, NotificationTopics.Spike);
        var raised = new List<Guid>();
        for (var i = 0; i < Events; i++)
        {
            raised.Add(await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, $$"""{"n":{{i}}}""", channel.Id));
        }

        // The receiver verifies every request and keeps each id once; while "down" it holds requests without answering.
        var verifier = new WebhookVerifier(Secret, TimeProvider.System);
        var accepted = new ConcurrentQueue<string>();
        var held = new TaskCompletionSource();
        var holding = true;
        _receiver.Answer = async request =>
        {
            var verdict = verifier.Verify(request.Header("GhStats-Event-Id"), request.Header("GhStats-Timestamp"), request.Header("GhStats-Signature"), request.Body);
            if (verdict.Accepted)
            {
                accepted.Enqueue(verdict.EventId!);
            }

            if (Volatile.Read(ref holding))
            {
                await held.Task;
            }

            // A replayed id is acknowledged, not processed again: that is the receiver's de-duplication.
            return verdict.Accepted || verdict.Reason == "replayed id" ? new ReceiverAnswer(200, "ok") : new ReceiverAnswer(400, verdict.Reason);
        };

        var environment = new Dictionary<string, string>
        {
            ["GhStats__Sqlite__ConnectionString"] = database.ConnectionString,
            ["GhStats__Notifications__AllowPrivateAddresses"] = "true",
            ["GhStats__Notifications__PollInterval"] = "00:00:00.200",
            ["GhStats__Notifications__SendTimeout"] = "00:00:10",
            ["GhStats__Notifications__ClaimDuration"] = "00:00:12",
            ["GhStats__Notifications__RetryBaseDelay"] = "00:00:01",
        };

        var first = await HostProcess.StartCommandAsync(["worker"], environment, "GhStats worker started");
        var inFlight = await _receiver.WaitForRequestAsync(1, TimeSpan.FromSeconds(60));
        await first.DisposeAsync();   // killed, its send unanswered and unrecorded
        var crashedId = Guid.Parse(inFlight.Header("GhStats-Event-Id")!);
        (await harness.DeliveriesAsync(tenant.Id)).ShouldBeEmpty("the killed process recorded nothing");
        Volatile.Write(ref holding, false);
        held.SetResult();

        await using var second = await HostProcess.StartCommandAsync(["worker"], environment, "GhStats worker started");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        IReadOnlyList<NotificationDelivery> lines;
        while ((lines = await harness.DeliveriesAsync(tenant.Id)).Count(l => l.Succeeded) < Events)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"only {lines.Count(l => l.Succeeded)} of {Events} delivered:\n{second.Output}");
            await Task.Delay(200);
        }

        var received = _receiver.Received.Select(r => Guid.Parse(r.Header("GhStats-Event-Id")!)).ToList();
        received.Distinct().Order().ShouldBe(raised.Order(), "every event arrived at least once");
        received.Count(id => id == crashedId).ShouldBe(2, "the send cut short by the crash was made again after the claim lapsed");
        accepted.Order().ShouldBe(raised.Select(id => id.ToString()).Order(), "after de-duplication by id, each event exactly once");
        lines.Where(l => l.Succeeded).Select(l => l.EventId).Order().ShouldBe(raised.Order(), "one delivered line per event");
    }
}
