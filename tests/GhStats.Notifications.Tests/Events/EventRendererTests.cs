using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Notifications.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>The documents the event renderers make from payloads, with and without the app's public address.</summary>
public sealed class EventRendererTests
{
    private static readonly Uri BaseUrl = new("https://stats.example.com/app");
    private static readonly NotificationRenderContext Linked = new("acme", "Acme", BaseUrl);
    private static readonly NotificationRenderContext Unlinked = new("acme", "Acme", null);
    private static readonly EventRepository Site = new(12, "acme/site", null);
    private static readonly DateTimeOffset Opened = new(2026, 3, 4, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void TheDigest_ListsRepositoriesWithFiguresChangeAndCoverage_LinkingToTheirPages()
    {
        var digest = new DigestPayload("2026-W10", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), 1250, 1000, 4,
            [
                new DigestRepository(1, Site, 1200, 480, 30, 12, 1000, 200, 20.0, false, 7, 7, 0),
                new DigestRepository(2, new EventRepository(13, "acme/new", null), 50, null, 0, null, 0, 50, null, true, 7, 6, 1),
            ],
            [new DigestReferrer(Site, "news.ycombinator.com", 80, 60, new DateOnly(2026, 3, 8))],
            [new DigestContent(Site, "/acme/site", "", 300, 100, new DateOnly(2026, 3, 8))]);

        var document = TestRenderers.Render<DigestRenderer, DigestPayload>(digest, Linked);

        document.Title.ShouldBe("Acme: weekly digest 2026-W10");
        document.Summary.ShouldBe("1,250 views from Monday 3/2/2026 to Sunday 3/8/2026 across 4 repositories: +250 (+25%) on the week before. Weeks run from Monday to Sunday (UTC), as GitHub's weekly figures do. Some days were not collected or only partly: their repositories say so.");
        document.Link.ShouldBe(new Uri("https://stats.example.com/app/"));
        var top = document.Sections[0];
        top.Heading.ShouldBe("Top repositories by views");
        top.Lines.Select(l => (l.Text, l.Figure, l.Link)).ShouldBe(
        [
            ("1. acme/site: +200 (+20%) on the week before", "1,200 views, 480 unique visitors", new Uri("https://stats.example.com/app/repos/12")),
            ("2. acme/new: new, no views the week before (6 of 7 days known, 1 partial)", "50 views", new Uri("https://stats.example.com/app/repos/13")),
        ]);
        document.Sections[1].Lines.ShouldHaveSingleItem().Text.ShouldBe("news.ycombinator.com to acme/site");
        document.Sections[2].Lines.ShouldHaveSingleItem().Text.ShouldBe("/acme/site (acme/site: /acme/site)");
    }

    [Fact]
    public void Documents_WithoutAPublicAddress_CarryNoLinks()
    {
        var spike = new SpikePayload(Site, new DateOnly(2026, 3, 3), 640, 80, 28, 26, 3.0, 8.0, false);
        var started = new TroubleStartedPayload("repo:12:no_push_access", TroubleKind.NoPushAccess, "acme/site: the token has no push access", Opened,
            Site, null, null, [], null, null, null, null);
        var resolved = new TroubleResolvedPayload("repo:12:no_push_access", TroubleKind.NoPushAccess, "acme/site: the token has no push access", Opened,
            Opened.AddHours(26).AddMinutes(5), "acme/site was collected successfully", Site, null);

        var documents = new[]
        {
            TestRenderers.Render<SpikeRenderer, SpikePayload>(spike, Unlinked),
            TestRenderers.Render<TroubleStartedRenderer, TroubleStartedPayload>(started, Unlinked),
            TestRenderers.Render<TroubleResolvedRenderer, TroubleResolvedPayload>(resolved, Unlinked),
        };

        documents.ShouldAllBe(d => d.Link == null);
        documents.SelectMany(d => d.Sections).SelectMany(s => s.Lines).ShouldAllBe(l => l.Link == null);
    }

    [Fact]
    public void ASpike_SaysHowFarAboveItsUsualDay()
    {
        var spike = new SpikePayload(Site, new DateOnly(2026, 3, 4), 640, 80, 28, 26, 3.0, 8.0, true);

        var document = TestRenderers.Render<SpikeRenderer, SpikePayload>(spike, Linked);

        document.Title.ShouldBe("Traffic spike: acme/site");
        document.Summary.ShouldBe("acme/site had 640 views so far on 3/4/2026, 8 times its usual 80 a day.");
        document.Link.ShouldBe(new Uri("https://stats.example.com/app/repos/12"));
        document.Sections.ShouldHaveSingleItem().Lines.Select(l => l.Figure).ShouldBe(["640 views so far", "80 views", "8 times"]);
    }

    [Fact]
    public void TroubleStartAndResolution_NameTheConditionAndWhatToDo()
    {
        var started = new TroubleStartedPayload("connection:3:unauthorized", TroubleKind.ConnectionUnauthorized,
            "GitHub refused the credentials of connection \"main\" (401: bad, expired or revoked); 2 repositories not collected", Opened,
            null, 3, "main", [Site, new EventRepository(13, "acme/docs", null)], null, null, null, null);
        var resolved = new TroubleResolvedPayload(started.Condition, started.Kind, started.Summary, Opened, Opened.AddHours(26).AddMinutes(5),
            "GitHub accepts the connection's credentials again (or no tracked repository is read with them any more)", null, null);

        var start = TestRenderers.Render<TroubleStartedRenderer, TroubleStartedPayload>(started, Linked);
        var end = TestRenderers.Render<TroubleResolvedRenderer, TroubleResolvedPayload>(resolved, Linked);

        start.Title.ShouldBe("Collection trouble: GitHub refused connection \"main\"");
        start.Summary.ShouldEndWith("Replace the token, or check the GitHub App's installation, on the tenant's page.");
        start.Link.ShouldBe(new Uri("https://stats.example.com/app/manage/tenants/acme"));
        start.Sections[1].Lines.Select(l => (l.Text, l.Link)).ShouldBe(
        [
            ("acme/site", new Uri("https://stats.example.com/app/repos/12")),
            ("acme/docs", new Uri("https://stats.example.com/app/repos/13")),
        ]);
        end.Title.ShouldBe("Resolved: GitHub refused a connection's credentials");
        end.Sections.ShouldHaveSingleItem().Lines.Select(l => l.Figure).ShouldBe(["3/4/2026 10:30\u202FAM UTC", "3/5/2026 12:35\u202FPM UTC", "1 day, 2 hours"]);
    }

    [Fact]
    public void EveryEventKind_HasItsRenderer_RegisteredByAddNotifications()
    {
        var services = new ServiceCollection();
        services.AddGhStats().AddNotifications();

        var kinds = services.Where(d => d.ServiceType == typeof(INotificationRenderer)).Select(d => d.ImplementationType).ToList();

        kinds.ShouldContain(typeof(DigestRenderer));
        kinds.ShouldContain(typeof(SpikeRenderer));
        kinds.ShouldContain(typeof(TroubleStartedRenderer));
        kinds.ShouldContain(typeof(TroubleResolvedRenderer));
        services.Count(d => d.ImplementationType == typeof(NotificationEventWorker)).ShouldBe(1);
    }
}
