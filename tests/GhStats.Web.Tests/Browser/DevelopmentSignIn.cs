using GhStats.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>Signing a browser in through the development sign-in of an app in the Development environment.</summary>
internal static class DevelopmentSignIn
{
    /// <summary>Opens the Overview in a fresh context at <paramref name="root"/>, signed in as <paramref name="email"/>.</summary>
    public static async Task<BrowserPage> OpenAsync(ChromiumFixture chromium, Uri root, string email, BrowserPageOptions? options = null)
    {
        var browser = await chromium.NewPageAsync((options ?? new BrowserPageOptions()) with { BaseAddress = root });
        browser.Page.SetDefaultTimeout(60_000);
        browser.Page.SetDefaultNavigationTimeout(60_000);
        await browser.Page.GotoAsync("/");
        await browser.Page.FillAsync("#email", email);
        await browser.Page.ClickAsync("#dev-signin-submit");
        // The Overview, told by its menu entry rather than its title, which is in the browser's language.
        await Expect(browser.Page.Locator("#nav-overview")).ToHaveAttributeAsync("aria-current", "page");
        return browser;
    }
}
