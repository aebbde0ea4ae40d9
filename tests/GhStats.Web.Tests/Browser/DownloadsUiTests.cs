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
}
