using System.Globalization;
using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>The repository page's "Stars and forks" with stars before tracking backfilled from the simulator's stargazers list.</summary>
[Collection(SharedBrowser.Name)]
public sealed class StarHistoryUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task TheStarsChart_ShowsTheBackfilledStarsBeforeTracking_AsALowerBound_AndPassesTheAccessibilityCheck(BrowserColorScheme scheme)
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { ColorScheme = scheme });
        var page = browser.Page;

        // The backfill reads the oldest stars first, so the weeks after the first star are backfilled after the first collections.
        var firstStar = DateOnly.FromDateTime(world.Quiet.Stargazers[0].StarredAt.UtcDateTime);
        await page.GotoAsync($"repos/{world.QuietId}?from={firstStar:yyyy-MM-dd}&to={firstStar.AddDays(60):yyyy-MM-dd}");

        var note = page.Locator("#star-history-note");
        await Expect(note).ToContainTextAsync("lower bound");
        await Expect(note).ToContainTextAsync("unstarred");
        var backfilled = page.Locator("#stats-table tbody tr.backfilled");
        await Expect(backfilled.First).ToBeAttachedAsync();

        // Each backfilled row is the simulator's truth: the current stargazers who had starred by the end of that day.
        foreach (var row in (await backfilled.AllAsync()).Take(5))
        {
            // The row shows the day in the page's language; its time element carries the ISO day.
            var day = DateOnly.ParseExact((await row.Locator("th time").GetAttributeAsync("datetime"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Expect(row.Locator("th time")).ToHaveTextAsync(day.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-US")));
            var stars = (await row.Locator("td").First.TextContentAsync())!.Replace("*", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
            int.Parse(stars, NumberStyles.Integer, CultureInfo.InvariantCulture).ShouldBe(world.Quiet.StarsAt(day), $"stars on {day:yyyy-MM-dd}");
        }

        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('stats-chart'))?.data.datasets.some(d => d.borderDash)");
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await page.Locator("section[aria-labelledby=stats-heading]").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, $"repository-star-history.{scheme.ToString().ToLowerInvariant()}.png") });
        await browser.AssertNoErrorsAsync();
    }
}
