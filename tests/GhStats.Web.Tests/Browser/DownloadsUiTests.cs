using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>The repository page's Release downloads section in a real browser, with releases the collector read from the simulator.</summary>
[Collection(SharedBrowser.Name)]
public sealed class DownloadsUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task TheReleaseDownloadsSection_ShowsEachPublishedRelease_AndPassesTheAccessibilityCheck(BrowserColorScheme scheme)
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = scheme });
        var page = browser.Page;

        await page.GotoAsync($"repos/{world.QuietId}?days=30");

        var published = world.Quiet.Releases.Count(r => !r.Draft && r.PublishedAt <= DateTimeOffset.UtcNow.AddDays(-CoverageWorld.FirstReadDaysAgo));
        published.ShouldBeGreaterThan(0);
        await Expect(page.Locator("#downloads-table tbody tr")).ToHaveCountAsync(published);
        await Expect(page.Locator("#downloads-note")).ToContainTextAsync("in total as last read");
        await Expect(page.Locator("#downloads-table")).Not.ToContainTextAsync("v2.0.0");
        await Expect(page.Locator("#csv-downloads")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/repos/{world.QuietId}/downloads\\.csv\\?from="));
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await page.Locator("#downloads").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, $"repository-downloads.{scheme.ToString().ToLowerInvariant()}.png") });
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task EveryTimeChart_MarksTheReleasesTheCollectorRead_OnTheirPublicationDays()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        // The seeded releases were published years before tracking began: the range spans them.
        var published = world.Quiet.Releases.Where(r => !r.Draft).Select(r => DateOnly.FromDateTime(r.PublishedAt.UtcDateTime)).ToList();
        published.ShouldNotBeEmpty();
        var from = published.Min().AddDays(-2);
        var to = published.Max().AddDays(2);
        var expected = published.Select(d => $"release {d:yyyy-MM-dd}").Order(StringComparer.Ordinal).ToList();

        await page.GotoAsync($"repos/{world.QuietId}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");

        await Expect(page.Locator("#traffic-chart-markers li.marker.release")).ToHaveCountAsync(expected.Count);
        await Expect(page.Locator("#stats-chart-markers li.marker.release")).ToHaveCountAsync(expected.Count);
        await Expect(page.Locator("#traffic-chart-markers-summary")).ToContainTextAsync($"{expected.Count} release");
        var drawn = await page.EvaluateAsync<string[]>(
            "(id) => (Chart.getChart(document.getElementById(id))?.$markers ?? []).filter(m => m.kind === 'release').map(m => `${m.kind} ${m.date}`)", "traffic-chart");
        drawn.Order(StringComparer.Ordinal).ShouldBe(expected);
        await page.Locator("section[aria-labelledby=traffic-heading]").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "repository-release-markers.light.png") });
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.AssertNoErrorsAsync();
    }
}
