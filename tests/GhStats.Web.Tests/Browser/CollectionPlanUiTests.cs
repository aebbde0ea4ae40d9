using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>The tenant page's Collection plan in a real browser: each connection's figures in words, numbers in the page's language.</summary>
[Collection(SharedBrowser.Name)]
public sealed class CollectionPlanUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Fact]
    public async Task ThePlan_ShowsEachConnectionsBudgetAndCapacity_WithTheWorstCaseNote_AndPassesTheAccessibilityCheck()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        await page.GotoAsync("manage/tenants/acme");

        var rows = page.Locator("#plan-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        (await page.Locator("#plan-table tbody th").AllTextContentsAsync()).ShouldBe(["quiet", "stale"]);

        // Acme's last run is the day's one; GraphQL counters: 5,000 x 24 / 53 = 2,264 hourly, / 7 = 17,142 daily.
        var quiet = rows.First;
        await Expect(quiet.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(quiet.Locator("td").Nth(1)).ToContainTextAsync("5,000");
        await Expect(quiet.Locator("td").Nth(2)).ToHaveTextAsync("5");
        await Expect(quiet.Locator("td").Nth(3)).ToHaveTextAsync("2,264");
        await Expect(quiet.Locator("td").Nth(4)).ToHaveTextAsync("17,142");
        await Expect(quiet.Locator("td").Nth(5)).ToContainTextAsync("of 120,000 a day: fits");
        await Expect(page.Locator("#plan-summary li").First).ToHaveTextAsync("Runs a day: 1, as many as started in the last 24 hours.");
        await Expect(page.Locator("#plan-worst-case")).ToContainTextAsync("worst-case figures");
        await page.Locator("#collection-plan").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "tenant-collection-plan.light.png") });
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task InGerman_ThePlanSpeaksGerman_AndGroupsDigitsTheGermanWay()
    {
        await using var browser = await world.SignInAsync(chromium, new BrowserPageOptions { Locale = "de-DE" });
        var page = browser.Page;
        await page.GotoAsync("manage/tenants/acme");

        await Expect(page.Locator("#plan-heading")).ToHaveTextAsync("Erfassungsplan");
        var quiet = page.Locator("#plan-table tbody tr").First;
        await Expect(quiet.Locator("td").Nth(3)).ToHaveTextAsync("2.264");
        await Expect(quiet.Locator("td").Nth(5)).ToContainTextAsync("von 120.000 pro Tag: passt");
        await browser.AssertNoErrorsAsync();
    }
}
