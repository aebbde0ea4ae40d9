using System.Globalization;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The UI in Debian's Chromium against the real app, the real OpenID Connect provider and the GitHub simulator: what
/// the admin set up through the pages (see <see cref="AdminSetup"/>) shows the simulator's numbers in charts, tables
/// and CSV; markup from GitHub stays text; a viewer sees and may do only what the role allows.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class UiJourneyTests(ChromiumFixture chromium, UiWorld world)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private IReadOnlyList<Testing.GitHub.SimulatedTraffic> ServedDays =>
        world.Site.ServedDays(world.SimulatedNow).Where(d => d.Views > 0 || d.Clones > 0).ToList();

    [Fact]
    public async Task TheConnectionTest_SaysTheTokenCanReadTraffic()
    {
        var setup = await world.SetUpAsync(chromium);

        setup.ConnectionTest.ShouldContain("Can read traffic (checked on acme/site)");
    }

    [Fact]
    public async Task TheOverview_ShowsTheSimulatorsTotals()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;

        await page.GotoAsync("?days=30");
        var row = page.Locator($"#overview-table tr[data-repo-id='{setup.RepositoryId}']");
        await Expect(row.Locator("[data-field=views]")).ToHaveTextAsync(Number(ServedDays.Sum(d => d.Views)));
        await Expect(row.Locator("[data-field=clones]")).ToHaveTextAsync(Number(ServedDays.Sum(d => d.Clones)));
        await Expect(row.Locator("[data-field=uniqueViews]")).ToHaveTextAsync(Number(ServedDays.Max(d => d.UniqueViews)));
        await Expect(row.Locator("[data-field=stars]")).ToHaveTextAsync(Number(world.Site.Stars));
        await Expect(row.Locator("svg.spark")).ToHaveCountAsync(1);

        await page.FillAsync("#filter", "no-such-repository");
        await Expect(page.Locator("#overview-table tbody tr[data-repo-id]")).ToHaveCountAsync(0);
        await page.FillAsync("#filter", "acme/s");
        await Expect(page.Locator("#overview-table tbody tr[data-repo-id]")).ToHaveCountAsync(1);
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheOverview_AsksForSparklinesOnlyOfTheRowsInView()
    {
        var setup = await world.SetUpAsync(chromium);
        // A second tenant with many repositories and no traffic, added after the setup's collection.
        var bulk = await world.App.CreateTenantAsync("bulk", "Bulk");
        for (var i = 1; i <= UiWorld.BulkRepositories; i++)
        {
            await world.App.TrackAsync(bulk, "bulk", $"repo-{i:00}");
        }

        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;
        var seriesRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/traffic?", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref seriesRequests);
            }
        };

        await page.GotoAsync("?days=30");
        // A page of 50 of the 61 repositories.
        await Expect(page.Locator("#overview-table tbody tr[data-repo-id]")).ToHaveCountAsync(50);
        // Not "network idle", which a busy machine may never reach in time: wait until every series asked for is drawn.
        await Expect(page.Locator("svg.spark")).Not.ToHaveCountAsync(0);
        await page.WaitForFunctionAsync(
            "expected => document.querySelectorAll('svg.spark').length >= expected",
            10,
            new() { Timeout = 60_000 });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await page.Locator("svg.spark").CountAsync() != Volatile.Read(ref seriesRequests) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var firstScreen = Volatile.Read(ref seriesRequests);
        firstScreen.ShouldBeInRange(10, UiWorld.BulkRepositories / 2, "the rows on the first screen, and only those");
        (await page.Locator("svg.spark").CountAsync()).ShouldBe(firstScreen);

        await page.Locator("#overview-table tbody tr[data-repo-id]").Last.ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#overview-table tbody tr[data-repo-id]").Last.Locator("svg.spark")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Volatile.Read(ref seriesRequests).ShouldBeGreaterThan(firstScreen);
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheRepositoryPage_ChartsAndTabulatesTheSimulatorsDays()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;

        await page.GotoAsync($"repos/{setup.RepositoryId}?days=30");
        var expected = ServedDays;
        // Every day of the range has a row: the simulator's days with traffic, known zeros, and days never collected.
        await Expect(page.Locator("#traffic-table tbody tr")).ToHaveCountAsync(30);
        var rows = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('#traffic-table tbody tr')].map(tr => [tr.dataset.date, ...[...tr.querySelectorAll('td')].map(c => c.textContent)])");
        var window = world.Site.ServedDays(world.SimulatedNow).Select(d => d.Start).ToHashSet();
        rows.Where(r => expected.Any(d => Iso(d.Start) == r[0])).ShouldBe(expected.Select(d => new[]
        {
            Iso(d.Start), Number(d.Views), Number(d.UniqueViews), Number(d.Clones), Number(d.UniqueClones),
        }).ToArray());
        rows.Where(r => !window.Contains(DateOnly.Parse(r[0], CultureInfo.InvariantCulture))).ShouldAllBe(r => r.Length == 2 && r[1] == "Not collected");
        rows.Where(r => window.Contains(DateOnly.Parse(r[0], CultureInfo.InvariantCulture)) && expected.All(d => Iso(d.Start) != r[0]))
            .ShouldAllBe(r => r.Skip(1).All(cell => cell == "0"));
        await Expect(page.Locator("#total-views")).ToHaveTextAsync(Number(expected.Sum(d => d.Views)));

        var labels = await page.EvaluateAsync<string[]>("() => Chart.getChart('traffic-chart').data.labels");
        labels.Length.ShouldBe(30, "one slot per day of the range");
        var charted = await page.EvaluateAsync<long?[]>("() => Chart.getChart('traffic-chart').data.datasets[0].data");
        expected.Select(d => charted[Array.IndexOf(labels, Iso(d.Start))]).ShouldBe(expected.Select(d => (long?)d.Views));

        await page.SelectOptionAsync("#per", "month");
        await Expect(page.Locator("#traffic-caption")).ToContainTextAsync("per month");
        await Expect(page.Locator("#traffic-table tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync("n/a");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheTrafficCsv_DownloadsTheSimulatorsDays()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;
        await page.GotoAsync($"repos/{setup.RepositoryId}?days=30");
        await Expect(page.Locator("#traffic-table tbody tr[data-date]")).ToHaveCountAsync(30);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv-traffic"));
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);

        lines[0].ShouldBe("repository,date,coverage,views,unique_views,clones,unique_clones");
        lines.Length.ShouldBe(31, "a line for every day of the range");
        var window = world.Site.ServedDays(world.SimulatedNow).Select(d => d.Start).ToHashSet();
        foreach (var day in ServedDays)
        {
            var start = $"acme/site,{Iso(day.Start)},";
            var end = string.Create(CultureInfo.InvariantCulture, $",{day.Views},{day.UniqueViews},{day.Clones},{day.UniqueClones}");
            lines.Count(line => line.StartsWith(start, StringComparison.Ordinal) && line.EndsWith(end, StringComparison.Ordinal)).ShouldBe(1, start);
        }

        lines.Skip(1).Where(line => !window.Contains(DateOnly.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)))
            .ShouldAllBe(line => line.EndsWith(",notCollected,,,,", StringComparison.Ordinal));
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AReferrerNamedLikeMarkup_ShowsAsText_AndRunsNothing()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await page.GotoAsync($"repos/{setup.RepositoryId}?days=30");
        var referrers = page.Locator("#referrers-table tbody th");
        await Expect(referrers.First).Not.ToBeEmptyAsync();

        (await referrers.AllTextContentsAsync()).ShouldContain(UiWorld.HostileReferrer);
        (await page.Locator("img").CountAsync()).ShouldBe(0);
        var legend = await page.EvaluateAsync<string[]>("() => Chart.getChart('referrers-chart').data.datasets.map(d => d.label)");
        legend.ShouldContain(UiWorld.HostileReferrer);
        dialogs.ShouldBeEmpty();
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AViewer_SeesNoManagementPages_AndIsRefusedThem()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var viewer = await world.SignInAsync(chromium, UiWorld.ViewerEmail);
        var page = viewer.Page;
        viewer.AllowErrorResponse(403);

        await Expect(page.Locator("#nav-overview")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav-repositories")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-tenants")).ToHaveCountAsync(0);
        await Expect(page.Locator("#nav-runs")).ToHaveCountAsync(0);
        await Expect(page.Locator($"#overview-table tr[data-repo-id='{setup.RepositoryId}']")).ToHaveCountAsync(1);

        foreach (var refused in new[] { "manage/repositories", "manage/tenants", "manage/tenants/acme", "runs" })
        {
            var response = await page.GotoAsync(refused);
            response.ShouldNotBeNull().Status.ShouldBe(403, refused);
            await Expect(page.Locator("#page-title")).ToHaveTextAsync("Not allowed");
        }

        await page.GotoAsync($"repos/{setup.RepositoryId}");
        await Expect(page.Locator("a", new() { HasText = "Manage repositories" })).ToHaveCountAsync(0);
        var status = await page.EvaluateAsync<int>(
            "async id => (await fetch(`${document.body.dataset.api}/repos/${id}`, { method: 'DELETE', headers: { RequestVerificationToken: document.body.dataset.antiforgery } })).status",
            setup.RepositoryId);
        status.ShouldBe(403);
        await viewer.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task ANewApiToken_IsShownOnce()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;

        await page.GotoAsync("profile");
        await page.FillAsync("#token-name", "nightly report");
        await page.ClickAsync("#token-create button[type=submit]");
        await Expect(page.Locator("#token-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^ghst_"));
        var secret = await page.InputValueAsync("#token-secret");
        await Expect(page.Locator("#tokens-table")).ToContainTextAsync("nightly report");

        await page.ReloadAsync();
        await Expect(page.Locator("#tokens-table")).ToContainTextAsync("nightly report");
        (await page.ContentAsync()).ShouldNotContain(secret);
        (await page.InputValueAsync("#token-secret")).ShouldBeEmpty();
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AnOwner_SeesTheirActionsInTheTenantsAuditLog_WithMarkupAsText()
    {
        var setup = await world.SetUpAsync(chromium);
        await using (var admin = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions()))
        {
            await admin.Page.GotoAsync("manage/tenants/acme");
            await admin.Page.FillAsync("#member-email", UiWorld.OwnerEmail);
            await admin.Page.SelectOptionAsync("#member-role", "owner");
            await admin.Page.ClickAsync("#member-add button[type=submit]");
            await Expect(admin.Page.Locator("#invitations-table")).ToContainTextAsync(UiWorld.OwnerEmail);
        }

        await using var owner = await world.SignInAsync(chromium, UiWorld.OwnerEmail);
        var page = owner.Page;
        var alerted = false;
        page.Dialog += (_, dialog) => { alerted = true; _ = dialog.DismissAsync(); };
        await Expect(page.Locator("#nav-audit")).ToBeVisibleAsync();

        await page.GotoAsync("manage/tenants/acme");
        await page.FillAsync("#member-email", "audited@example.com");
        await page.SelectOptionAsync("#member-role", "viewer");
        await page.ClickAsync("#member-add button[type=submit]");
        await Expect(page.Locator("#invitations-table")).ToContainTextAsync("audited@example.com");
        await page.FillAsync("#connection-name", UiWorld.HostileReferrer);
        await page.SelectOptionAsync("#connection-kind", "pat");
        await page.FillAsync("#connection-token", "ghp_" + new string('a', 36));
        await page.FillAsync("#connection-api-base", world.Simulator.BaseAddress);
        await page.ClickAsync("#connection-add button[type=submit]");
        await Expect(page.Locator("#connections-table")).ToContainTextAsync(UiWorld.HostileReferrer);

        await page.ClickAsync("#nav-audit");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Audit log: Acme");
        var rows = page.Locator("#audit-table tbody tr[data-audit-id]");
        await Expect(rows.Filter(new() { HasText = "audited@example.com" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "audited@example.com" })).ToContainTextAsync(UiWorld.OwnerEmail);
        await Expect(rows.Filter(new() { HasText = UiWorld.HostileReferrer })).Not.ToHaveCountAsync(0);
        (await page.Locator("#audit-table img").CountAsync()).ShouldBe(0);
        // Owners do not see client addresses; only admins do.
        (await page.Locator("#audit-table th", new() { HasText = "Client address" }).CountAsync()).ShouldBe(0);

        await page.FillAsync("#audit-action", "invitation.");
        await page.ClickAsync("#audit-filters button[type=submit]");
        await Expect(rows.Filter(new() { HasText = UiWorld.HostileReferrer })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasText = "audited@example.com" })).ToHaveCountAsync(1);
        (await page.GetAttributeAsync("#audit-csv", "href")).ShouldEndWith("/tenants/acme/audit.csv?action=invitation.");

        (await owner.CheckAccessibilityAsync()).AssertNoViolations();
        await owner.SaveScreenshotAsync("audit-owner");
        alerted.ShouldBeFalse();
        await owner.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AnOwner_AddsAWebhookChannel_SeesItsSecretOnce_TestsIt_AndDeletesIt()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;
        var alerted = false;
        page.Dialog += (_, dialog) => { alerted = true; _ = dialog.DismissAsync(); };
        var name = UiWorld.HostileReferrer + " hook";
        var url = new Uri(world.Receiver.Address, "ui-hook-s3cret-path").ToString();

        await page.GotoAsync("manage/tenants/acme");
        await page.FillAsync("#channel-name", name);
        await page.SelectOptionAsync("#channel-kind", "webhook");
        await page.FillAsync("#channel-url", url);
        await page.UncheckAsync("#channel-add input[value=spike]");
        await page.ClickAsync("#channel-add button[type=submit]");
        await Expect(page.Locator("#channel-secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_[A-Za-z0-9_-]{43}$"));
        var secret = await page.InputValueAsync("#channel-secret");
        await Expect(page.Locator("#channel-secret-note")).ToContainTextAsync("Shown once");
        var row = page.Locator("#channels-table tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("127.0.0.1");
        await Expect(row).ToContainTextAsync("Weekly digest, Collection trouble");
        (await page.Locator("#channels-table").InnerTextAsync()).ShouldNotContain("ui-hook-s3cret-path");
        (await page.InputValueAsync("#channel-url")).ShouldBeEmpty("the URL field is cleared once the channel is saved");

        await row.Locator("button[data-test-channel]").ClickAsync();
        await Expect(page.Locator("#channel-test-headline")).ToHaveTextAsync("delivered", new() { Timeout = 30_000 });
        // The test delivery's row. On a Monday after the digest hour (the app runs on the real clock here) the new
        // channel also gets that week's digest, a second row under the same channel name.
        await Expect(page.Locator("#deliveries-table tbody tr", new() { HasText = name }).Filter(new() { HasText = "Test" })).ToHaveCountAsync(1);
        world.Receiver.Received.ShouldContain(r => r.Path == "/ui-hook-s3cret-path");
        (await page.Locator("#notifications img").CountAsync()).ShouldBe(0);

        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await page.Locator("#notifications").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "tenant-notifications.light.png") });

        await page.ReloadAsync();
        await Expect(row).ToHaveCountAsync(1);
        (await page.ContentAsync()).ShouldNotContain(secret);
        (await page.InputValueAsync("#channel-secret")).ShouldBeEmpty();

        await row.Locator("button[data-delete-channel]").ClickAsync();
        await page.ClickAsync("#confirm-yes");
        await Expect(page.Locator("#channels-status")).ToContainTextAsync("Deleted");
        await Expect(row).ToHaveCountAsync(0);
        alerted.ShouldBeFalse();
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task AProfilesSubscriptionCheckboxes_AreSavedAtOnce()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions());
        var page = browser.Page;
        var acme = page.Locator("#subscriptions fieldset[data-tenant=acme]");

        await page.GotoAsync("profile");
        await acme.GetByLabel("Weekly digest").CheckAsync();
        await Expect(page.Locator("#subscriptions-status")).ToHaveTextAsync("From Acme you receive: Weekly digest.");
        await acme.GetByLabel("Collection trouble").CheckAsync();
        await Expect(page.Locator("#subscriptions-status")).ToHaveTextAsync("From Acme you receive: Weekly digest, Collection trouble.");

        await page.ReloadAsync();
        await Expect(acme.GetByLabel("Weekly digest")).ToBeCheckedAsync();
        await Expect(acme.GetByLabel("Traffic spikes")).Not.ToBeCheckedAsync();
        await Expect(acme.GetByLabel("Collection trouble")).ToBeCheckedAsync();
        await acme.GetByLabel("Weekly digest").UncheckAsync();
        await Expect(page.Locator("#subscriptions-status")).ToHaveTextAsync("From Acme you receive: Collection trouble.");
        await acme.GetByLabel("Collection trouble").UncheckAsync();
        await Expect(page.Locator("#subscriptions-status")).ToHaveTextAsync("You receive nothing from Acme now.");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task EveryPage_PassesTheAccessibilityCheck_WithoutConsoleErrors(BrowserColorScheme scheme)
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { ColorScheme = scheme });
        var page = browser.Page;

        foreach (var (path, name) in Pages(setup))
        {
            await page.GotoAsync(path);
            await DrawnAsync(page);
            (await browser.CheckAccessibilityAsync()).AssertNoViolations();
            await browser.SaveScreenshotAsync(name);
            await browser.AssertNoErrorsAsync();
        }
    }

    [Fact]
    public async Task OnAPhone_NoPageScrollsSideways()
    {
        var setup = await world.SetUpAsync(chromium);
        await using var browser = await world.SameSessionAsync(chromium, setup, new BrowserPageOptions { Viewport = BrowserViewport.Phone });
        var page = browser.Page;

        foreach (var (path, name) in Pages(setup))
        {
            await page.GotoAsync(path);
            await DrawnAsync(page);
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue(name);
            await browser.SaveScreenshotAsync(name);
            await browser.AssertNoErrorsAsync();
        }
    }

    private static IEnumerable<(string Path, string Name)> Pages(AdminSetup setup) =>
    [
        ("?days=30", "overview"),
        ($"repos/{setup.RepositoryId}?days=30", "repository"),
        ("manage/repositories", "repositories"),
        ("manage/tenants", "tenants"),
        ("manage/tenants/acme", "tenant"),
        ("runs", "runs"),
        ("audit", "audit"),
        ("profile", "profile"),
    ];

    /// <summary>
    /// Waits until the page has loaded and every chart on it exists (what the accessibility check and the screenshots
    /// look at), with a generous bound, instead of "network idle", which a busy machine may not reach in time.
    /// </summary>
    private static async Task DrawnAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('canvas')].every(c => typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined)",
            null,
            new() { Timeout = 60_000 });
    }

    private static string Number(long value) => value.ToString("N0", English);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
