using GhStats.Domain;
using GhStats.Notifications.Rendering;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests;

/// <summary>Email through MailKit to a real SMTP server on loopback, parsed back with MimeKit.</summary>
public sealed class EmailDeliveryTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private LoopbackSmtpServer _smtp = null!;

    public Task InitializeAsync()
    {
        _smtp = LoopbackSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task Email_HasSubjectBothPartsAndTheEventId_WithHostileTextEncoded()
    {
        await using var harness = Harness();
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddEmailAsync(tenant.Id, "ops@example.com, Lead <lead@example.com>");
        var document = new NotificationDocument(
            "Spike on <script>alert(1)</script>",
            "Views & clones > normal <img src=x onerror=alert(2)>",
            [new NotificationSection("Repositories", [
                new NotificationLine("acme/<b>site</b>", "1,204 views", new Uri("https://github.com/acme/site?a=1&b=\"2\"")),
            ])],
            new Uri("https://stats.example.com/repos/12"));
        var eventId = await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind, SampleDocumentRenderer.Payload(document), channel.Id);

        await harness.DeliverDueAsync();

        var mail = await _smtp.WaitForMessageAsync(1, Wait);
        mail.Subject.ShouldBe("Spike on <script>alert(1)</script>");
        mail.From.Mailboxes.Single().Address.ShouldBe("ghstats@example.com");
        mail.To.Mailboxes.Select(m => m.Address).ShouldBe(["ops@example.com", "lead@example.com"]);
        mail.MessageId.ShouldBe($"{eventId:N}.channel-{channel.Id}@example.com");
        mail.Headers["GhStats-Event-Id"].ShouldBe(eventId.ToString());
        mail.TextBody!.ShouldContain("Views & clones > normal <img src=x onerror=alert(2)>");
        mail.TextBody!.ShouldContain("- acme/<b>site</b>: 1,204 views <https://github.com/acme/site?a=1&b=%222%22>");
        mail.TextBody!.ShouldContain("Open in GhStats: https://stats.example.com/repos/12");
        mail.HtmlBody!.ShouldContain("<h1>Spike on &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
        mail.HtmlBody!.ShouldContain("Views &amp; clones &gt; normal &lt;img src=x onerror=alert(2)&gt;");
        mail.HtmlBody!.ShouldContain("<a href=\"https://github.com/acme/site?a=1&amp;b=%222%22\">acme/&lt;b&gt;site&lt;/b&gt;</a>: <strong>1,204 views</strong>");
        mail.HtmlBody!.ShouldNotContain("<script>");
        mail.HtmlBody!.ShouldNotContain("<img");
        mail.HtmlBody!.ShouldNotContain("<b>");
        mail.HtmlBody!.ShouldContain("GhStats · Acme &amp; &lt;Friends&gt;");
        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        line.Succeeded.ShouldBeTrue(line.Outcome);
        line.Outcome.ShouldStartWith("SMTP 250");
    }

    [Fact]
    public async Task Email_ToASubscriber_GoesToTheProfileEmail()
    {
        await using var harness = Harness();
        var tenant = await harness.NewTenantAsync();
        var user = await harness.Services.GetRequiredService<IUserStore>().CreateAsync("https://idp.example.com", Guid.NewGuid().ToString("N"), $"{Guid.NewGuid():N}@example.com", "Sub Scriber");
        await harness.Store.SetSubscriptionAsync(user.Id, tenant.Id, NotificationTopics.All);
        var eventId = await harness.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind,
            SampleDocumentRenderer.Payload(new NotificationDocument("Your digest", "Quiet week.", [], null)), userId: user.Id);

        await harness.DeliverDueAsync();

        var mail = await _smtp.WaitForMessageAsync(1, Wait);
        mail.To.Mailboxes.Single().Address.ShouldBe(user.Email);
        mail.MessageId.ShouldBe($"{eventId:N}.user-{user.Id}@example.com");
        (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem().UserId.ShouldBe(user.Id);
    }

    [Fact]
    public async Task Email_WithoutAnSmtpHost_IsAFailedAttemptNamingTheSetting()
    {
        await using var harness = new NotificationHarness(database);
        var tenant = await harness.NewTenantAsync();
        var channel = await harness.AddEmailAsync(tenant.Id, "ops@example.com");
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Test,
            """{"channelId":1,"channelName":"ops","requestedBy":"me@example.com","requestedAt":"2026-12-01T10:00:00Z"}""", channel.Id);

        await harness.DeliverDueAsync();

        var line = (await harness.DeliveriesAsync(tenant.Id)).ShouldHaveSingleItem();
        (line.Succeeded, line.WillRetry, line.Outcome).ShouldBe((false, false, "GhStats:Notifications:Smtp:Host is not set, so email cannot be sent."));
        _smtp.Raw.ShouldBeEmpty();
    }

    [Fact]
    public async Task Email_SignsIn_OnlyWhenAUserNameIsSet()
    {
        await using var guarded = LoopbackSmtpServer.Start(("ghstats", "s3cret & more"));
        await using var withAccount = new NotificationHarness(database, o => Smtp(o, guarded.Port, "ghstats", "s3cret & more"));
        await using var anonymous = new NotificationHarness(database, o => Smtp(o, guarded.Port, null, null));
        var tenant = await withAccount.NewTenantAsync();
        var channel = await withAccount.AddEmailAsync(tenant.Id, "ops@example.com");
        var payload = SampleDocumentRenderer.Payload(new NotificationDocument("Signed in", "yes", [], null));
        await withAccount.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind, payload, channel.Id);
        await withAccount.DeliverDueAsync();
        await anonymous.RaiseAsync(tenant.Id, SampleDocumentRenderer.SampleKind, payload, channel.Id);
        await anonymous.DeliverDueAsync();

        (await guarded.WaitForMessageAsync(1, Wait)).Subject.ShouldBe("Signed in");
        guarded.SignIns.ShouldBe([("ghstats", true)]);
        var lines = await withAccount.DeliveriesAsync(tenant.Id);
        lines.Select(l => l.Succeeded).ShouldBe([true, false]);
        (lines[1].WillRetry, lines[1].Outcome).ShouldBe((false, "SMTP 127.0.0.1 requires signing in: set GhStats:Notifications:Smtp:UserName and Password."));
        guarded.Raw.Count.ShouldBe(1);
    }

    private static void Smtp(GhStatsNotificationsOptions o, int port, string? user, string? password)
    {
        o.Smtp.Host = "127.0.0.1";
        o.Smtp.Port = port;
        o.Smtp.Security = SmtpSecurity.None;
        o.Smtp.From = "GhStats <ghstats@example.com>";
        o.Smtp.UserName = user;
        o.Smtp.Password = password;
    }

    private NotificationHarness Harness() => new(database, o =>
    {
        o.Smtp.Host = "127.0.0.1";
        o.Smtp.Port = _smtp.Port;
        o.Smtp.Security = SmtpSecurity.None;
        o.Smtp.From = "GhStats <ghstats@example.com>";
    });
}
