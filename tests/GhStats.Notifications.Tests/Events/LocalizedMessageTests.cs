using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Storage.Conformance.Databases;
using GhStats.Stores;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>
/// Digests and alerts written in each recipient's language, with that language's number and date forms, delivered by
/// the outbox dispatcher to a real SMTP server on loopback and parsed back with MimeKit.
/// </summary>
public sealed class LocalizedMessageTests(SqliteDatabaseFixture database) : IClassFixture<SqliteDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly EventRepository Site = new(12, "acme/site", null);

    /// <summary>What each language must show: the digest's word and heading, 1234 as a count, Monday 2026-03-02, and the alerts' words.</summary>
    public static TheoryData<string, string, string, string, string, string, string, string, string> Languages => new()
    {
        { "en", "weekly digest", "Top repositories by views", "1,234 views", "3/2/2026", "Traffic spike", "Collection trouble", "Open in GhStats", "Weeks run from Monday to Sunday" },
        { "de", "Wochenübersicht", "Repositorys mit den meisten Aufrufen", "1.234 Aufrufe", "02.03.2026", "Traffic-Spitze", "Erfassungsproblem", "In GhStats öffnen", "Wochen beginnen am Montag" },
        { "fr", "résumé hebdomadaire", "Dépôts les plus vus", "1\u202F234 vues", "02/03/2026", "Pic de trafic", "Problème de collecte", "Ouvrir dans GhStats", "Les semaines vont du lundi au dimanche" },
        { "es", "resumen semanal", "Repositorios con más visitas", "1.234 visitas", "2/3/2026", "Pico de tráfico", "Problema de recopilación", "Abrir en GhStats", "Las semanas van de lunes a domingo" },
        { "pt-BR", "resumo semanal", "Repositórios com mais visualizações", "1.234 visualizações", "02/03/2026", "Pico de tráfego", "Problema de coleta", "Abrir no GhStats", "As semanas vão de segunda-feira a domingo" },
        { "ja", "週間ダイジェスト", "閲覧数の多いリポジトリ", "閲覧 1,234 回", "2026/03/02", "トラフィック急増", "収集の問題", "GhStats で開く", "月曜日から日曜日まで" },
    };

    private LoopbackSmtpServer _smtp = null!;

    public Task InitializeAsync()
    {
        _smtp = LoopbackSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task DigestSpikeAndTrouble_ReachASubscriber_InTheProfilesLanguage_WithItsFormats(
        string language, string digestWord, string topHeading, string views, string monday, string spikeWord, string troubleWord, string open, string weekNote)
    {
        await using var harness = Harness();
        var tenant = await harness.NewTenantAsync();
        var user = await NewSubscriberAsync(harness, tenant.Id, language);

        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, EventPayloadJson.Write(Digest()), userId: user.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, EventPayloadJson.Write(Spike()), userId: user.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.TroubleStarted, EventPayloadJson.Write(AtRisk()), userId: user.Id);
        await harness.DeliverDueAsync();

        var mails = await MailsAsync(3);
        mails.ShouldAllBe(m => m.To.Mailboxes.Single().Address == user.Email);
        mails.ShouldAllBe(m => m.Body!.Headers[HeaderId.ContentLanguage] == language);
        mails.ShouldAllBe(m => m.HtmlBody!.StartsWith($"<!DOCTYPE html><html lang=\"{language}\">", StringComparison.Ordinal));
        mails.ShouldAllBe(m => m.TextBody!.Contains(open, StringComparison.Ordinal));

        var digest = mails.Single(m => m.Subject!.Contains(digestWord, StringComparison.Ordinal));
        digest.Subject.ShouldBe(DigestTitle(language));
        digest.TextBody!.ShouldContain(topHeading);
        digest.TextBody!.ShouldContain(views);
        digest.TextBody!.ShouldContain(monday);
        digest.TextBody!.ShouldContain(weekNote);
        digest.HtmlBody!.ShouldContain($"<h2>{topHeading}</h2>");

        var spike = mails.Single(m => m.Subject!.StartsWith(spikeWord, StringComparison.Ordinal));
        spike.Subject!.ShouldEndWith("acme/site");
        spike.TextBody!.ShouldContain(views);
        spike.TextBody!.ShouldContain(Day(language, new DateOnly(2026, 3, 4)));

        var trouble = mails.Single(m => m.Subject!.StartsWith(troubleWord, StringComparison.Ordinal));
        trouble.Subject!.ShouldContain("acme/site");
        trouble.TextBody!.ShouldContain(Day(language, new DateOnly(2026, 2, 20)));
        trouble.TextBody!.ShouldContain(new DateTime(2026, 3, 4, 10, 30, 0, DateTimeKind.Utc).ToString("g", GhStatsLanguages.CultureOf(language)) + " UTC");
        if (language != "en")
        {
            // Nothing English is left in what the recipient reads, beyond names and GhStats itself.
            foreach (var mail in mails)
            {
                mail.TextBody!.ShouldNotContain(" views");
                mail.TextBody!.ShouldNotContain("the week before");
                mail.TextBody!.ShouldNotContain("Open in GhStats");
            }
        }
    }

    [Fact]
    public async Task TwoSubscribersAndAChannel_EachGetTheirOwnLanguage_ForTheSameDigest()
    {
        await using var harness = Harness();
        var tenant = await harness.NewTenantAsync();
        var german = await NewSubscriberAsync(harness, tenant.Id, "de");
        var japanese = await NewSubscriberAsync(harness, tenant.Id, "ja");
        var undecided = await NewSubscriberAsync(harness, tenant.Id, null);
        var french = await harness.Store.AddChannelAsync(new NewNotificationChannel(
            tenant.Id, "équipe", NotificationChannelKind.Email, NotificationTopics.Digest, "equipe@example.com", null, null) { Language = "fr" });
        var payload = EventPayloadJson.Write(Digest());

        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, payload, userId: german.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, payload, userId: japanese.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, payload, userId: undecided.Id);
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Digest, payload, channelId: french.Id);
        await harness.DeliverDueAsync();

        var mails = (await MailsAsync(4)).ToDictionary(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase);
        mails[german.Email!].Subject.ShouldEndWith("Wochenübersicht 2026-W10");
        mails[german.Email!].TextBody!.ShouldContain("1.234 Aufrufe");
        mails[japanese.Email!].Subject.ShouldEndWith("週間ダイジェスト 2026-W10");
        mails[japanese.Email!].TextBody!.ShouldContain("2026/03/02");
        mails[undecided.Email!].Subject.ShouldEndWith("weekly digest 2026-W10");
        mails[undecided.Email!].Body!.Headers[HeaderId.ContentLanguage].ShouldBe("en");
        mails["equipe@example.com"].Subject.ShouldEndWith("résumé hebdomadaire 2026-W10");
        mails["equipe@example.com"].TextBody!.ShouldContain("02/03/2026");
    }

    [Fact]
    public async Task ChangingTheProfilesLanguage_ChangesTheNextMessage_AndNotTheProcesssCulture()
    {
        await using var harness = Harness();
        var tenant = await harness.NewTenantAsync();
        var user = await NewSubscriberAsync(harness, tenant.Id, "es");
        var before = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);

        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, EventPayloadJson.Write(Spike()), userId: user.Id);
        await harness.DeliverDueAsync();
        await harness.Services.GetRequiredService<IUserStore>().SetLanguageAsync(user.Id, "pt-BR");
        await harness.RaiseAsync(tenant.Id, NotificationEventKinds.Spike, EventPayloadJson.Write(Spike()), userId: user.Id);
        await harness.DeliverDueAsync();

        (await _smtp.WaitForMessageAsync(1, Wait)).Subject.ShouldBe("Pico de tráfico: acme/site");
        (await _smtp.WaitForMessageAsync(2, Wait)).Subject.ShouldBe("Pico de tráfego: acme/site");
        (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture).ShouldBe(before);
    }

    /// <summary>The digest's subject as the resources spell it for the tenant the harness creates.</summary>
    private static string DigestTitle(string language) => language switch
    {
        "en" => "Acme & <Friends>: weekly digest 2026-W10",
        "de" => "Acme & <Friends>: Wochenübersicht 2026-W10",
        "fr" => "Acme & <Friends> : résumé hebdomadaire 2026-W10",
        "es" => "Acme & <Friends>: resumen semanal 2026-W10",
        "pt-BR" => "Acme & <Friends>: resumo semanal 2026-W10",
        "ja" => "Acme & <Friends>: 週間ダイジェスト 2026-W10",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    private static string Day(string language, DateOnly day) => day.ToString("d", GhStatsLanguages.CultureOf(language));

    private static DigestPayload Digest() => new("2026-W10", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), 1234, 1000, 2,
        [new DigestRepository(1, Site, 1234, 480, 30, 12, 1000, 234, 23.4, false, 7, 7, 0)],
        [new DigestReferrer(Site, "news.ycombinator.com", 80, 60, new DateOnly(2026, 3, 8))],
        []);

    private static SpikePayload Spike() => new(Site, new DateOnly(2026, 3, 4), 1234, 80, 28, 26, 3.0, 15.4, false);

    private static TroubleStartedPayload AtRisk() => new("repo:12:at_risk", TroubleKind.AtRisk,
        "acme/site: no successful daily read for 10 days; GitHub keeps traffic for 14 days only", new DateTimeOffset(2026, 3, 4, 10, 30, 0, TimeSpan.Zero),
        Site, null, null, [], null, new DateOnly(2026, 2, 20), 10, null);

    private async Task<UserProfile> NewSubscriberAsync(NotificationHarness harness, long tenantId, string? language)
    {
        var users = harness.Services.GetRequiredService<IUserStore>();
        var user = await users.CreateAsync("https://idp.example.com", Guid.NewGuid().ToString("N"), $"{Guid.NewGuid():N}@example.com", "Sub Scriber");
        if (language is not null)
        {
            user = await users.SetLanguageAsync(user.Id, language);
        }

        await harness.Store.SetSubscriptionAsync(user.Id, tenantId, NotificationTopics.All);
        return user;
    }

    private async Task<List<MimeMessage>> MailsAsync(int count)
    {
        var mails = new List<MimeMessage>();
        for (var i = 1; i <= count; i++)
        {
            mails.Add(await _smtp.WaitForMessageAsync(i, Wait));
        }

        return mails;
    }

    private NotificationHarness Harness() => new(database, o =>
    {
        o.Smtp.Host = "127.0.0.1";
        o.Smtp.Port = _smtp.Port;
        o.Smtp.Security = SmtpSecurity.None;
        o.Smtp.From = "GhStats <ghstats@example.com>";
    });
}
