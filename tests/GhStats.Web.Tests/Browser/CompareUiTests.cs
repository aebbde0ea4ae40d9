using System.Globalization;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// The compare page and the tenant traffic page on <see cref="CoverageWorld"/> (acme/quiet with a 6-day outage, acme/stale
/// not read for 20 days): the selection lives in the address and comes back from it, gaps stay gaps, both themes pass
/// the accessibility check.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class CompareUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task ALink_RestoresTheWholeSelection_DrawsEachRepositorysGaps_AndPassesTheAccessibilityCheck(BrowserColorScheme scheme)
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = scheme });
        var page = browser.Page;

        await page.GotoAsync($"compare?tenant=acme&repos={world.QuietId},{world.StaleId}&metric=views&mode=normalised&per=day&days=30");

        await Expect(page.Locator("#compare-table tbody tr")).ToHaveCountAsync(30);
        await Expect(page.Locator("#compare-metric")).ToHaveValueAsync("views");
        await Expect(page.Locator("#compare-mode")).ToHaveValueAsync("normalised");
        await Expect(page.Locator("#range-days")).ToHaveValueAsync("30");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "acme/quiet", Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "acme/stale", Exact = true })).ToBeCheckedAsync();
        (await page.Locator("#compare-table thead th").AllTextContentsAsync()).ShouldBe(["Date", "acme/quiet", "acme/stale"]);

        // acme/stale was last read 20 days ago: today is a gap in its column and its line, not a zero.
        var today = world.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator($"#compare-table tr[data-date='{today}'] td").Nth(1)).ToHaveTextAsync("Not collected");
        (await page.EvaluateAsync<double?>("() => Chart.getChart('compare-chart').data.datasets[1].data.at(-1)")).ShouldBeNull();
        await Expect(page.Locator("#compare-baselines li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#compare-baselines li").First).ToContainTextAsync("acme/quiet: 1 = ");

        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("compare");

        await page.SelectOptionAsync("#compare-mode", "absolute");
        await Expect(page.Locator("#compare-baselines li")).ToHaveCountAsync(0);
        var stale = await page.EvaluateAsync<double?[]>("() => Chart.getChart('compare-chart').data.datasets[1].data");
        stale[^1].ShouldBeNull();
        stale.Take(5).ShouldAllBe(v => v != null, "its first days in the range were read");
        new Uri(page.Url).Query.ShouldContain("mode=absolute");
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheCompareChart_MarksTheComparedRepositoriesReleases_WithTheRepositorysName()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        var published = world.Quiet.Releases.Where(r => !r.Draft).Select(r => DateOnly.FromDateTime(r.PublishedAt.UtcDateTime)).ToList();
        var from = published.Min().AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = published.Max().AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await page.GotoAsync($"compare?tenant=acme&repos={world.QuietId},{world.StaleId}&metric=downloads&per=day&from={from}&to={to}");

        await Expect(page.Locator("#compare-metric")).ToHaveValueAsync("downloads");
        var items = page.Locator("#compare-chart-markers li.marker.release");
        await Expect(items).ToHaveCountAsync(published.Count);
        await Expect(items.First).ToContainTextAsync("acme/quiet First release");
        (await page.EvaluateAsync<string[]>("() => Chart.getChart('compare-chart').$markers.map(m => `${m.kind} ${m.date}`)"))
            .ShouldBe(published.Order().Select(d => $"release {d:yyyy-MM-dd}").ToArray());
        await Expect(page.Locator("#compare-note")).ToContainTextAsync("counted on the day the releases were read");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task ChangingTheSelection_KeepsItInTheAddress_SoReopeningTheAddressShowsTheSameView()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        await page.GotoAsync("compare?tenant=acme");
        await Expect(page.Locator("#compare-status")).ToHaveTextAsync("Choose up to 10 repositories to compare.");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "acme/quiet", Exact = true }).CheckAsync();
        // The metric changes last: a caption naming clones then comes from a load made after every change.
        await page.SelectOptionAsync("#range-days", "90");
        await page.SelectOptionAsync("#per", "week");
        await page.SelectOptionAsync("#compare-metric", "clones");
        await Expect(page.Locator("#compare-caption")).ToContainTextAsync("Clones per week");

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        query["tenant"].ShouldBe("acme");
        query["repos"].ShouldBe(world.QuietId.ToString(CultureInfo.InvariantCulture));
        query["metric"].ShouldBe("clones");
        query["per"].ShouldBe("week");
        query["mode"].ShouldBe("absolute");
        query["days"].ShouldBe("90");
        var rows = await page.Locator("#compare-table tbody tr").CountAsync();

        await using var second = await world.SignInAsync(chromium);
        await second.Page.GotoAsync(page.Url);

        await Expect(second.Page.Locator("#compare-caption")).ToContainTextAsync("Clones per week");
        await Expect(second.Page.Locator("#compare-table tbody tr")).ToHaveCountAsync(rows);
        await Expect(second.Page.GetByRole(AriaRole.Checkbox, new() { Name = "acme/quiet", Exact = true })).ToBeCheckedAsync();
        await Expect(second.Page.GetByRole(AriaRole.Checkbox, new() { Name = "acme/stale", Exact = true })).Not.ToBeCheckedAsync();
        await Expect(second.Page.Locator("#range-days")).ToHaveValueAsync("90");
        await browser.AssertNoErrorsAsync();
        await second.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task TheOverview_ComparesTheTickedRepositories_AndSaysEachChangeInWords()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        await page.GotoAsync("?days=7");
        var change = page.Locator($"#overview-table tr[data-repo-id='{world.StaleId}'] td[data-field=viewsChange]");
        await Expect(change).ToHaveTextAsync("previous period incomplete");
        await Expect(change).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("\\(0 of 7 days known\\)$"));

        await page.GetByLabel("Compare acme/quiet").CheckAsync();
        await page.GetByLabel("Compare beta/lapsing").CheckAsync();
        await page.ClickAsync("#compare-selected");
        await Expect(page.Locator("#overview-status")).ToHaveTextAsync("The ticked repositories belong to different tenants; compare repositories of one tenant.");

        await page.GetByLabel("Compare beta/lapsing").UncheckAsync();
        await page.GetByLabel("Compare acme/stale").CheckAsync();
        await page.ClickAsync("#compare-selected");

        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Compare repositories");
        await Expect(page.Locator("#compare-table tbody tr")).ToHaveCountAsync(7);
        await Expect(page.Locator("#range-days")).ToHaveValueAsync("7");

        // The repository page says its change next to its totals, against the 7 days before.
        // Days as an English page shows them (ghstats.js formatDay: Intl's medium date).
        var english = CultureInfo.GetCultureInfo("en-US");
        var before = world.Today.AddDays(-13).ToString("MMM d, yyyy", english);
        var after = world.Today.AddDays(-7).ToString("MMM d, yyyy", english);
        await page.GotoAsync($"repos/{world.QuietId}?days=7");
        await Expect(page.Locator("#change-views .coverage-of")).ToContainTextAsync($"from {before} to {after}");
        await Expect(page.Locator("#change-views")).Not.ToContainTextAsync("incomplete");
        await browser.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task TheTenantTraffic_SumsViewsAndClones_SaysHowManyRepositoriesAreKnown_AndPassesTheAccessibilityCheck(BrowserColorScheme scheme)
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = scheme });
        var page = browser.Page;

        await page.GotoAsync("tenant-traffic?tenant=acme&days=30");

        await Expect(page.Locator("#tenant-traffic-table tbody tr")).ToHaveCountAsync(30);
        var today = world.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator($"#tenant-traffic-table tr[data-date='{today}'] td").First).ToHaveTextAsync("1 of 2 repositories");
        var outage = world.Today.AddDays(-CoverageWorld.OutageEndsDaysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator($"#tenant-traffic-table tr[data-date='{outage}']")).ToHaveAttributeAsync("data-coverage", "notCollected");
        await Expect(page.Locator($"#tenant-traffic-table tr[data-date='{today}'] td").Nth(3)).ToContainTextAsync("at least");
        var views = await page.EvaluateAsync<double?[]>("() => Chart.getChart('tenant-traffic-chart').data.datasets[0].data");
        views.Length.ShouldBe(30);

        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("tenant-traffic");
        await browser.AssertNoErrorsAsync();
    }

    [Theory]
    [InlineData("de", "Wählen Sie bis zu 10 Repositorys zum Vergleichen.", "Klone pro Woche", "1 von 2 Repositorys", "mindestens")]
    [InlineData("ja", "比較するリポジトリを 10 件まで選んでください。", "週ごとのクローン", "2 件中 1 件のリポジトリ", "以上")]
    public async Task TheCompareAndTenantTrafficPages_SpeakThePagesLanguage(string language, string choose, string caption, string known, string atLeast)
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        // The language cookie the menu's picker sets (the browser context's own locale stays en-US, as the sign-in expects).
        await page.Context.AddCookiesAsync([new Cookie { Name = "ghstats-language", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = world.App.Root.AbsoluteUri }]);

        await page.GotoAsync("compare?tenant=acme");
        await Expect(page.Locator("#compare-status")).ToHaveTextAsync(choose);
        await page.GotoAsync($"compare?tenant=acme&repos={world.QuietId}&metric=clones&per=week&days=90");
        await Expect(page.Locator("#compare-caption")).ToContainTextAsync(caption);

        await page.GotoAsync("tenant-traffic?tenant=acme&days=30");
        var today = world.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator($"#tenant-traffic-table tr[data-date='{today}'] td").First).ToHaveTextAsync(known);
        await Expect(page.Locator($"#tenant-traffic-table tr[data-date='{today}'] td").Nth(3)).ToContainTextAsync(atLeast);
        await browser.AssertNoErrorsAsync();
    }
}
