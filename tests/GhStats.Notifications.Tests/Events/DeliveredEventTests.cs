using System.Text.Json;
using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>Events raised by the evaluator, delivered by the outbox dispatcher to a webhook receiver and a real SMTP server on loopback.</summary>
public sealed class DeliveredEventTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    /// <summary>Monday 2026-03-09 07:00: the digest of 2026-W10 is due.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 7, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private LoopbackReceiver _receiver = null!;
    private LoopbackSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
        _smtp = LoopbackSmtpServer.Start();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task ASpike_ReachesTheWebhook_WithThePayloadAsData_AndAGrantHoldersDigestByEmail_NamesOnlyTheirRepository()
    {
        await using var harness = new EventsHarness(database, Now, configure: o =>
        {
            o.Smtp.Host = "127.0.0.1";
            o.Smtp.Port = _smtp.Port;
            o.Smtp.Security = SmtpSecurity.None;
            o.Smtp.From = "GhStats <ghstats@example.com>";
        });
        var tenant = await harness.NewTenantAsync();
        await harness.AddChannelAsync(tenant.Id, NotificationTopics.Spike, _receiver.Address);
        var busy = await harness.Repositories.AddAsync(tenant.Id, "delivered", "busy");
        var mine = await harness.Repositories.AddAsync(tenant.Id, "delivered", "mine");
        await harness.ReadDailyAsync(busy.Id, Today.AddDays(-40), Today, d => d == Today.AddDays(-1) ? 900 : 30);
        await harness.ReadDailyAsync(mine.Id, Today.AddDays(-40), Today, _ => 12);
        var grantee = await harness.NewUserAsync("grantee");
        await harness.Get<IMembershipStore>().GrantRepositoryAsync(grantee.Id, mine.Id);
        await harness.Notifications.SetSubscriptionAsync(grantee.Id, tenant.Id, NotificationTopics.Digest);

        await harness.EvaluateAtAsync(Now);
        await harness.DeliverDueAsync();

        var request = await _receiver.WaitForRequestAsync(1, TimeSpan.FromSeconds(10));
        var body = JsonDocument.Parse(request.Text).RootElement;
        body.GetProperty("type").GetString().ShouldBe(NotificationEventKinds.Spike);
        body.GetProperty("tenant").GetString().ShouldBe(tenant.Slug);
        var data = body.GetProperty("data");
        data.GetProperty("repository").GetProperty("fullName").GetString().ShouldBe("delivered/busy");
        data.GetProperty("views").GetInt64().ShouldBe(900);
        data.GetProperty("baseline").GetDouble().ShouldBe(30);
        data.GetProperty("factor").GetDouble().ShouldBe(3);

        var mail = await _smtp.WaitForMessageAsync(1, TimeSpan.FromSeconds(10));
        mail.To.Mailboxes.Single().Address.ShouldBe(grantee.Email);
        mail.Subject.ShouldBe("Events test: weekly digest 2026-W10");
        mail.TextBody!.ShouldContain("delivered/mine");
        mail.TextBody!.ShouldNotContain("delivered/busy");
        mail.TextBody!.ShouldContain($"https://stats.example.com/app/repos/{mine.Id}");
        (await harness.Notifications.ListDeliveriesAsync(tenant.Id)).Select(d => (d.Kind, d.Succeeded))
            .ShouldBe([(NotificationEventKinds.Spike, true), (NotificationEventKinds.Digest, true)], ignoreOrder: true);
    }
}
