using GhStats.Domain;
using GhStats.Testing.Browser;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>The first page a newcomer sees (the README's run command): the development sign-in, in a browser.</summary>
[Collection(SharedBrowser.Name)]
public sealed class DevelopmentSignInPageTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private WebApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        await _app.CreateUserAsync("admin@localhost", SystemRole.Admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(BrowserColorScheme.Light)]
    [InlineData(BrowserColorScheme.Dark)]
    public async Task TheDevelopmentSignIn_PassesTheAccessibilityCheck_AndLeadsToTheOverview(BrowserColorScheme scheme)
    {
        await using var browser = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = _app.Root, ColorScheme = scheme });
        var page = browser.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("#dev-banner")).ToBeVisibleAsync();
        (await browser.CheckAccessibilityAsync()).AssertNoViolations();
        await browser.SaveScreenshotAsync("development-signin");

        await page.FillAsync("#email", "admin@localhost");
        await page.ClickAsync("#dev-signin-submit");
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("Overview");
        await Expect(page.Locator("#dev-banner")).ToBeVisibleAsync();
        page.Url.ShouldBe(_app.Root.ToString());
        await browser.AssertNoErrorsAsync();
    }
}
