using GhStats.Testing.Browser;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Browser;

[Collection(SharedChromium.Name)]
public sealed class ChromiumFixtureTests(ChromiumFixture chromium, TestSite site)
{
    [Fact]
    public async Task NewPage_OpensAPageServedByKestrel_AndReadsItsText()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });

        var response = await page.Page.GotoAsync("hello");

        response.ShouldNotBeNull().Status.ShouldBe(200);
        (await page.Page.Locator("h1").TextContentAsync()).ShouldBe("Hello from Kestrel");
        (await page.Page.TitleAsync()).ShouldBe("Hello");
        await page.AssertNoErrorsAsync();
        page.ConsoleErrors.ShouldBeEmpty();
        page.FailedRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Browser_IsTheMachinesChromium_NotOneDownloadedByPlaywright()
    {
        chromium.Browser.BrowserType.Name.ShouldBe("chromium");
        chromium.Browser.Version.ShouldNotBeNullOrWhiteSpace();
        ChromiumFixture.ExecutablePath.ShouldBe(Environment.GetEnvironmentVariable(ChromiumFixture.ExecutablePathVariable) is { Length: > 0 } path
            ? path
            : "/usr/bin/chromium");
    }

    [Theory]
    [InlineData(BrowserColorScheme.Light, false)]
    [InlineData(BrowserColorScheme.Dark, true)]
    public async Task ColorScheme_SetsPrefersColorScheme(BrowserColorScheme scheme, bool dark)
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress, ColorScheme = scheme });
        await page.Page.GotoAsync("hello");

        (await page.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: dark)').matches")).ShouldBe(dark);
        (await page.Page.EvaluateAsync<bool>("() => matchMedia('(prefers-color-scheme: light)').matches")).ShouldBe(!dark);
    }

    [Theory]
    [InlineData(BrowserViewport.Desktop, 1280, 800, false)]
    [InlineData(BrowserViewport.Phone, 390, 844, true)]
    public async Task Viewport_SetsTheScreenSizeAndTouch(BrowserViewport viewport, int width, int height, bool touch)
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress, Viewport = viewport });
        await page.Page.GotoAsync("hello");

        (await page.Page.EvaluateAsync<int>("() => window.innerWidth")).ShouldBe(width);
        (await page.Page.EvaluateAsync<int>("() => window.innerHeight")).ShouldBe(height);
        (await page.Page.EvaluateAsync<bool>("() => matchMedia('(pointer: coarse)').matches")).ShouldBe(touch);
    }

    [Fact]
    public async Task NewPage_GivesEachPageItsOwnContext_SoCookiesDoNotLeak()
    {
        await using var first = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await using var second = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress });
        await first.Context.AddCookiesAsync([new() { Name = "session", Value = "first", Url = site.BaseAddress.AbsoluteUri }]);

        (await first.Context.CookiesAsync()).ShouldHaveSingleItem().Value.ShouldBe("first");
        (await second.Context.CookiesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task NewPage_SetsLanguageAndTimeZone_SoPagesRenderAlikeOnEveryMachine()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress, TimeZone = "Europe/Berlin" });
        await page.Page.GotoAsync("hello");

        (await page.Page.EvaluateAsync<string>("() => navigator.language")).ShouldBe("en-US");
        (await page.Page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone")).ShouldBe("Europe/Berlin");
        (await page.Page.EvaluateAsync<int>("() => new Date('2026-01-15T12:00:00Z').getHours()")).ShouldBe(13);
    }

    [Fact]
    public async Task BypassContentSecurityPolicy_LetsABlockedInlineScriptRun()
    {
        await using var page = await chromium.NewPageAsync(new BrowserPageOptions { BaseAddress = site.BaseAddress, BypassContentSecurityPolicy = true });

        await page.Page.GotoAsync("inline-script");

        (await page.Page.TitleAsync()).ShouldBe("inline ran");
        await page.AssertNoErrorsAsync();
    }
}
