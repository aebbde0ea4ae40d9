using GhStats.Testing.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

[Collection(SharedChromium.Name)]
public sealed class AccessibilityCheckTests(ChromiumFixture chromium, TestSite site)
{
    [Fact]
    public async Task Check_ReportsAMissingLabelAndLowContrast_OnAPageThatHasThem()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("inaccessible");

        var report = await page.CheckAccessibilityAsync();

        report.RuleIds.ShouldBe(["color-contrast", "label"]);
        report.Violations.Single(violation => violation.Id == "label").Elements.ShouldHaveSingleItem().Target.ShouldBe("input");
        report.Violations.Single(violation => violation.Id == "color-contrast").Elements.ShouldHaveSingleItem().Html.ShouldContain("class=\"faint\"");
        var failure = Should.Throw<BrowserAssertionException>(report.AssertNoViolations);
        failure.Message.ShouldContain("- label (critical)");
        failure.Message.ShouldContain("- color-contrast (serious)");
        failure.Message.ShouldContain("insufficient color contrast");
    }

    [Fact]
    public async Task Check_ReportsNothing_OnACleanPage()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("hello");

        var report = await page.CheckAccessibilityAsync();

        report.Violations.ShouldBeEmpty();
        report.AssertNoViolations();
        report.Url.ShouldBe($"{site.BaseAddress}hello");
    }

    [Fact]
    public async Task Check_RunsUnderTheSitesContentSecurityPolicy_WithoutViolatingIt()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress, ColorScheme = BrowserColorScheme.Dark });
        await page.Page.GotoAsync("inaccessible");

        await page.CheckAccessibilityAsync();
        var again = await page.CheckAccessibilityAsync();

        again.RuleIds.ShouldBe(["color-contrast", "label"]);
        await page.Page.EvaluateAsync("() => 0");
        page.ConsoleErrors.ShouldBeEmpty();
    }

    // Why the check injects axe with EvaluateAsync: a script tag with the source inline is what the policy forbids.
    [Fact]
    public async Task AnInlineScriptTag_IsBlockedByTheSitesContentSecurityPolicy()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("hello");

        var refusal = await Should.ThrowAsync<PlaywrightException>(
            () => page.Page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = "window.injectedByTag = true;" }));

        refusal.Message.ShouldContain("violates the following Content Security Policy directive 'script-src 'self''");
        (await page.Page.EvaluateAsync<bool>("() => window.injectedByTag === true")).ShouldBeFalse();
    }
}
