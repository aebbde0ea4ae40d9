using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.Browser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// Public dashboards in a real browser: an Owner makes one on the tenant page and unpublishes it with a confirmation; a
/// visitor without sign-in sees its figures in both themes with no accessibility violation; it renders inside a frame
/// of an allowed origin and is refused by the browser in a frame of any other.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PublicDashboardUiTests(ChromiumFixture chromium, CoverageWorld world) : IClassFixture<CoverageWorld>
{
    [Fact]
    public async Task AnOwnerMakesADashboard_AndAVisitorSeesItsFiguresInBothThemes_WithoutAccessibilityViolations()
    {
        await using var owner = await world.SignInAsync(chromium);
        var page = owner.Page;
        await page.GotoAsync("manage/tenants/acme");
        await page.FillAsync("#dashboard-title", "Acme in public");
        await page.GetByLabel("acme/quiet").CheckAsync();
        await page.GetByLabel("Referrers").CheckAsync();
        await page.ClickAsync("#dashboard-save");

        await Expect(page.Locator("#dashboard-form-status")).ToHaveTextAsync("Acme in public is published.");
        var card = page.Locator("#dashboards-list article").Filter(new() { HasText = "Acme in public" });
        await Expect(card.Locator(".badge")).ToHaveTextAsync("Published");
        var address = await card.GetByLabel("Address").InputValueAsync();
        address.ShouldStartWith(world.App.Root.AbsoluteUri + "p/");
        (await card.GetByLabel("Iframe snippet").InputValueAsync()).ShouldBe($"<iframe src=\"{address}\" title=\"Acme in public\" width=\"100%\" height=\"900\" loading=\"lazy\"></iframe>");
        await page.Locator("#dashboards").ScreenshotAsync(new() { Path = Path.Combine(chromium.Screenshots.Path, "tenant-dashboards.light.png") });
        (await owner.CheckAccessibilityAsync()).AssertNoViolations();

        foreach (var scheme in new[] { BrowserColorScheme.Light, BrowserColorScheme.Dark })
        {
            await using var visitor = await chromium.NewPageAsync(new BrowserPageOptions { ColorScheme = scheme });
            await visitor.Page.GotoAsync(address);
            await Expect(visitor.Page.Locator("body[data-loaded='30']")).ToHaveCountAsync(1);
            await Expect(visitor.Page.Locator("#page-title")).ToHaveTextAsync("Acme in public");
            await Expect(visitor.Page.Locator("#public-repositories h2")).ToHaveTextAsync(["acme/quiet"]);
            await Expect(visitor.Page.Locator("#public-repositories h3")).ToHaveTextAsync(["Referrers"]);
            await visitor.Page.WaitForFunctionAsync("() => document.querySelector('#public-repositories canvas')?.width > 0");
            (await visitor.Page.Locator("#public-repositories tr[data-coverage='notCollected']").CountAsync()).ShouldBeGreaterThan(0);
            await visitor.Page.SelectOptionAsync("#public-days", "90");
            await Expect(visitor.Page.Locator("body[data-loaded='90']")).ToHaveCountAsync(1);
            await visitor.Page.SelectOptionAsync("#public-days", "30");
            await Expect(visitor.Page.Locator("body[data-loaded='30']")).ToHaveCountAsync(1);
            await visitor.SaveScreenshotAsync("public-dashboard");
            (await visitor.CheckAccessibilityAsync()).AssertNoViolations();
            await visitor.AssertNoErrorsAsync();
        }

        // A visitor whose browser asks for German or Japanese reads the page and its figures' words in that language.
        foreach (var (locale, summary, status) in new[] { ("de-DE", "Tageswerte", "1 Repository, "), ("ja-JP", "日ごとの数値", "リポジトリ 1 件") })
        {
            await using var visitor = await chromium.NewPageAsync(new BrowserPageOptions { Locale = locale });
            await visitor.Page.GotoAsync(address);
            await Expect(visitor.Page.Locator("body[data-loaded='30']")).ToHaveCountAsync(1);
            await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("lang", locale[..2]);
            await Expect(visitor.Page.Locator("#public-repositories summary")).ToHaveTextAsync([summary]);
            await Expect(visitor.Page.Locator("#public-status")).ToContainTextAsync(status);
            (await visitor.CheckAccessibilityAsync()).AssertNoViolations();
            await visitor.AssertNoErrorsAsync();
        }

        page.Dialog += (_, dialog) => dialog.DismissAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Unpublish Acme in public" }).ClickAsync();
        await page.ClickAsync("#confirm-yes");
        await Expect(page.Locator("#dashboards-status")).ToHaveTextAsync("Acme in public is unpublished.");
        await Expect(card.Locator(".badge")).ToHaveTextAsync("Unpublished");
        await using (var late = await chromium.NewPageAsync())
        {
            late.AllowErrorResponse(StatusCodes.Status404NotFound);
            var gone = await late.Page.GotoAsync(address);
            gone!.Status.ShouldBe(StatusCodes.Status404NotFound);
        }

        await owner.AssertNoErrorsAsync();
    }

    [Fact]
    public async Task ThePage_RendersInAFrameOfAnAllowedOrigin_AndTheBrowserRefusesAnyOther()
    {
        await using var embedder = await EmbeddingSite.StartAsync();
        var allowed = $"http://localhost:{embedder.Port.ToString(CultureInfo.InvariantCulture)}";
        var repository = (await world.App.Get<IRepositoryStore>().ListTrackedAsync()).First(r => r.FullName == "acme/quiet");
        var dashboard = await world.App.Get<IPublicDashboardStore>().CreateAsync(repository.TenantId, "f0f1f2f3f4f5f6f7f8f9fafb",
            new PublicDashboardSettings("Framed traffic", [repository.Id], FrameOrigins: [allowed]));
        var target = new Uri(world.App.Root, $"p/{dashboard.Slug}").AbsoluteUri;

        await using (var visitor = await chromium.NewPageAsync())
        {
            await visitor.Page.GotoAsync($"{allowed}/embed?src={Uri.EscapeDataString(target)}");
            var frame = visitor.Page.FrameLocator("#embedded");
            await Expect(frame.Locator("#page-title")).ToHaveTextAsync("Framed traffic");
            await Expect(frame.Locator("#public-repositories h2")).ToHaveTextAsync(["acme/quiet"]);
            await visitor.SaveScreenshotAsync("public-dashboard-framed");
            await visitor.AssertNoErrorsAsync();
        }

        // The same page on the same machine, but another origin (127.0.0.1 is not localhost to the browser).
        await using (var other = await chromium.NewPageAsync())
        {
            var refused = other.Page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("frame-ancestors", StringComparison.Ordinal) });
            await other.Page.GotoAsync($"http://127.0.0.1:{embedder.Port.ToString(CultureInfo.InvariantCulture)}/embed?src={Uri.EscapeDataString(target)}");
            var refusal = (await refused).Text;
            refusal.ShouldContain("violates the following Content Security Policy directive");
            refusal.ShouldContain($"frame-ancestors {allowed}");
            var child = other.Page.Frames.Single(f => f != other.Page.MainFrame);
            await child.WaitForLoadStateAsync(LoadState.Load);
            (await child.Locator("#page-title").CountAsync()).ShouldBe(0);
        }
    }

    /// <summary>Another web site on this machine: a page that frames the address it is given.</summary>
    private sealed class EmbeddingSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EmbeddingSite(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public static async Task<EmbeddingSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/embed", (string src) => Results.Content(
                $"<!DOCTYPE html><html lang=\"en\"><head><title>Embedding site</title><link rel=\"icon\" href=\"data:,\"></head><body><h1>Docs</h1>"
                + $"<iframe id=\"embedded\" title=\"Traffic\" width=\"1000\" height=\"700\" src=\"{System.Net.WebUtility.HtmlEncode(src)}\"></iframe></body></html>",
                "text/html; charset=utf-8"));
            await app.StartAsync();
            var address = app.Urls.Single();
            return new EmbeddingSite(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
