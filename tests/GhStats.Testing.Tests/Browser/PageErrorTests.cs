using GhStats.Testing.Browser;
using GhStats.Testing.Tests.GitHub;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

[Collection(SharedChromium.Name)]
public sealed class PageErrorTests(ChromiumFixture chromium, TestSite site)
{
    [Fact]
    public async Task ConsoleErrors_HoldAnUncaughtException_FromAPageScript()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("script-error");

        await Eventually.TrueAsync(() => page.ConsoleErrors.Count > 0, "a console error");

        page.ConsoleErrors.ShouldHaveSingleItem().ShouldContain("deliberate failure in throws.js");
        (await Should.ThrowAsync<BrowserAssertionException>(page.AssertNoErrorsAsync)).Message.ShouldContain("deliberate failure in throws.js");
    }

    [Fact]
    public async Task ConsoleErrors_HoldAContentSecurityPolicyViolation_WhenAnInlineScriptIsBlocked()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("inline-script");

        await Eventually.TrueAsync(() => page.ConsoleErrors.Count > 0, "a console error");

        (await page.Page.TitleAsync()).ShouldBe("Inline script");
        page.ConsoleErrors.ShouldHaveSingleItem().ShouldContain("Content Security Policy");
    }

    [Fact]
    public async Task ConsoleErrors_HoldWhatThePageLogsAsAnError()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("hello");

        await page.Page.EvaluateAsync("() => { console.log('fine'); console.warn('also fine'); console.error('not fine'); }");
        await Eventually.TrueAsync(() => page.ConsoleErrors.Count > 0, "a console error");

        page.ConsoleErrors.ShouldHaveSingleItem().ShouldStartWith("console error: not fine");
    }

    [Fact]
    public async Task ErrorResponses_AreReported_UntilTheTestAllowsThem()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("forbidden-fetch");
        await page.Page.Locator("#status").GetByText("answered 403").WaitForAsync();
        await Eventually.TrueAsync(() => page.ConsoleErrors.Count > 0, "a console error");

        page.FailedRequests.ShouldHaveSingleItem().ShouldBe($"GET {site.BaseAddress}api/forbidden: 403 Forbidden");
        page.ConsoleErrors.ShouldHaveSingleItem().ShouldContain("status of 403");

        page.AllowErrorResponse(404);
        page.AllowErrorResponse(403, "/api/other");
        page.FailedRequests.Count.ShouldBe(1);
        page.ConsoleErrors.Count.ShouldBe(1);

        page.AllowErrorResponse(403, "/api/forbidden");
        page.FailedRequests.ShouldBeEmpty();
        page.ConsoleErrors.ShouldBeEmpty();
        await page.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task FailedRequests_HoldAMissingPage_UntilTheTestAllowsIt()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });

        await page.Page.GotoAsync("no-such-page");

        page.FailedRequests.ShouldHaveSingleItem().ShouldBe($"GET {site.BaseAddress}no-such-page: 404 Not Found");
        await Eventually.TrueAsync(() => page.ConsoleErrors.Count > 0, "Chromium's console error for the 404");
        page.ConsoleErrors.ShouldHaveSingleItem().ShouldContain("status of 404");
        page.AllowErrorResponse(404);
        await page.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task FailedRequests_HoldARequestThatNeverGotAnAnswer()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await page.Page.GotoAsync("hello");
        await page.Context.RouteAsync("**/api/unreachable", route => route.AbortAsync("connectionrefused"));

        await page.Page.EvaluateAsync("() => fetch('/api/unreachable').catch(() => 'refused')");
        await Eventually.TrueAsync(() => page.FailedRequests.Count > 0, "a failed request");

        page.FailedRequests.ShouldHaveSingleItem().ShouldBe($"GET {site.BaseAddress}api/unreachable: net::ERR_CONNECTION_REFUSED");
    }
}
