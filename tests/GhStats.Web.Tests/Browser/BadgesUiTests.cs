using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>The repository page's Badges section in a real browser: the owner's toggle, previews that load, Markdown to copy.</summary>
[Collection(SharedBrowser.Name)]
public sealed class BadgesUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Fact]
    public async Task TurningBadgesOn_ShowsLoadedPreviewsAndAbsoluteMarkdown_PassesTheAccessibilityCheck_AndOffHidesThem()
    {
        await using var browser = await world.SignInAsync(chromium);
        var page = browser.Page;
        await page.GotoAsync($"repos/{world.QuietId}");
        var toggle = page.GetByLabel("Serve public badges for this repository");
        await Expect(toggle).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#badges-copy")).ToBeHiddenAsync();

        await toggle.CheckAsync();

        await Expect(page.Locator("#badges-status")).ToHaveTextAsync("Badges are public.");
        var markdown = page.Locator("#badges-list input");
        await Expect(markdown).ToHaveCountAsync(5);
        var origin = await page.EvaluateAsync<string>("() => window.location.origin");
        await Expect(markdown.First).ToHaveValueAsync($"![views]({origin}/badges/{world.QuietId}/views.svg?days=30)");
        await Expect(page.GetByLabel("Unique visitors (busiest day)", new() { Exact = true })).ToHaveValueAsync($"![uniques]({origin}/badges/{world.QuietId}/uniques.svg?days=30)");
        await page.SelectOptionAsync("#badges-days", "all");
        await Expect(markdown.Nth(3)).ToHaveValueAsync($"![stars]({origin}/badges/{world.QuietId}/stars.svg?days=all)");
        await Expect(markdown.Last).ToHaveValueAsync($"![downloads]({origin}/badges/{world.QuietId}/downloads.svg?days=all)");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#badges-list img')].every(i => i.complete && i.naturalWidth > 0)");
        (await page.Locator("#badges-list button").AllTextContentsAsync()).ShouldBe(
            ["Copy Views Markdown", "Copy Unique visitors (busiest day) Markdown", "Copy Clones Markdown", "Copy Stars Markdown", "Copy Release downloads Markdown"]);
        await page.Locator("#badges").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "repository-badges.light.png") });
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();

        await toggle.UncheckAsync();

        await Expect(page.Locator("#badges-status")).ToContainTextAsync("Badges are off");
        await Expect(page.Locator("#badges-copy")).ToBeHiddenAsync();
        await browser.AssertNoErrorsAsync();
    }
}
