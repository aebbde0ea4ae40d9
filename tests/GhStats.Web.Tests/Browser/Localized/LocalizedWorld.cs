using System.Net;
using System.Runtime.CompilerServices;
using GhStats.Domain;
using GhStats.Testing.Browser;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Browser.Localized;

/// <summary>
/// Every page with something on it, for the language tests: one database with a tenant, a repository whose traffic the
/// GitHub simulator served and GhStats collected, a note on its chart, a public dashboard, an invitation and a run; served
/// by two apps in the Development environment (signing in through the development sign-in): <see cref="App"/> as shipped,
/// and <see cref="PseudoApp"/>, whose every resource string is a pseudo string (<see cref="PseudoLocalizerFactory"/>).
/// </summary>
public sealed class LocalizedWorld : IAsyncLifetime
{
    public const string AdminEmail = "admin@localhost";

    /// <summary>The languages GhStats speaks, as the html element's lang names them.</summary>
    public static readonly string[] Languages = ["en", "de", "fr", "es", "pt-BR", "ja"];

    private GitHubSimulator? _simulator;
    private WebApp? _app;
    private WebApp? _pseudoApp;

    public WebApp App => _app ?? throw new InvalidOperationException("The world has not started.");

    public WebApp PseudoApp => _pseudoApp ?? throw new InvalidOperationException("The world has not started.");

    public long RepositoryId { get; private set; }

    public string DashboardSlug { get; private set; } = null!;

    /// <summary>
    /// Every page, by a name for screenshots and messages, with the status it answers: the signed-in pages, the public
    /// dashboard, a page's "not found" message and the development sign-in (opened signed out, see <see cref="SignInPage"/>).
    /// </summary>
    public IReadOnlyList<(string Path, string Name, int Status)> Pages =>
    [
        ("?days=30", "overview", 200),
        ($"repos/{RepositoryId}?days=30", "repository", 200),
        ($"compare?tenant=acme&repos={RepositoryId}", "compare", 200),
        ("tenant-traffic?tenant=acme&per=week", "tenant-traffic", 200),
        ("manage/repositories", "repositories", 200),
        ("manage/tenants", "tenants", 200),
        ("manage/tenants/acme", "tenant", 200),
        ("manage/tenants/acme/transfer", "transfer", 200),
        ("runs", "runs", 200),
        ("audit?tenant=acme", "audit", 200),
        ("profile", "profile", 200),
        ($"p/{DashboardSlug}", "public-dashboard", 200),
        ("repos/987654321", "message", 404),
    ];

    /// <summary>The development sign-in's form, seen by a browser that is not signed in.</summary>
    public const string SignInPage = "signin/development";

    public async Task InitializeAsync()
    {
        // The pages compute their ranges from the browser's clock, so the simulator's "now" is the real now.
        _simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = DateTimeOffset.UtcNow });
        _simulator.AddRepository("acme", "site", seed: 7);
        var token = _simulator.AddToken(canPushTo: "acme/site");

        _app = await WebApp.StartAsync(Options(databasePath: null, pseudo: false));
        var admin = App.As(await App.CreateUserAsync(AdminEmail, SystemRole.Admin));
        var acme = await App.CreateTenantAsync("acme", "Acme");
        var connection = await App.AddConnectionAsync(acme, "simulator", _simulator.BaseAddress, token);
        RepositoryId = (await App.TrackAsync(acme, "acme", "site", connection.Id)).Id;
        (await admin.CollectAsync("acme")).GetProperty("reposOk").GetInt32().ShouldBe(1);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await admin.PostJsonExpectingAsync($"api/v1/repos/{RepositoryId}/annotations",
            new { date = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text = "Conference talk" }, HttpStatusCode.Created);
        var dashboard = await admin.PostJsonExpectingAsync("api/v1/tenants/acme/dashboards",
            new { title = "Acme in public", repositoryIds = new[] { RepositoryId }, showReferrers = true, showPopularContent = true }, HttpStatusCode.Created);
        DashboardSlug = dashboard.GetProperty("slug").GetString()!;
        using (var invited = await admin.PutJsonAsync("api/v1/tenants/acme/members/viewer@example.com", new { role = "viewer" }))
        {
            invited.IsSuccessStatusCode.ShouldBeTrue(invited.StatusCode.ToString());
        }

        _pseudoApp = await WebApp.StartAsync(Options(App.DatabasePath, pseudo: true));
    }

    /// <summary>
    /// Opens a page in a fresh context whose pages speak <paramref name="language"/> (the language cookie), signed in as
    /// the admin through the development sign-in of <paramref name="app"/>.
    /// </summary>
    public static async Task<BrowserPage> SignInAsync(ChromiumFixture chromium, WebApp app, string language, BrowserPageOptions? options = null)
    {
        var browser = await OpenAsync(chromium, app, language, options);
        var page = browser.Page;
        await page.GotoAsync(SignInPage);
        await page.FillAsync("#email", AdminEmail);
        await page.ClickAsync("#dev-signin-submit");
        await page.WaitForURLAsync(url => !url.Contains("signin", StringComparison.Ordinal));
        await page.Locator("#page-title").WaitForAsync();
        return browser;
    }

    /// <summary>A fresh context, not signed in, whose pages speak <paramref name="language"/>.</summary>
    public static async Task<BrowserPage> OpenAsync(ChromiumFixture chromium, WebApp app, string language, BrowserPageOptions? options = null)
    {
        var browser = await chromium.NewPageAsync((options ?? new BrowserPageOptions()) with { BaseAddress = app.Root, Locale = language });
        browser.Page.SetDefaultTimeout(60_000);
        browser.Page.SetDefaultNavigationTimeout(60_000);
        await browser.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "ghstats-language", Value = $"c={language}|uic={language}", Url = app.Root.AbsoluteUri }]);
        return browser;
    }

    /// <summary>
    /// Waits until a page has loaded and its scripts have drawn: every chart exists and the page has not changed for half
    /// a second (bounded), instead of "network idle", which a busy machine may not reach in time.
    /// </summary>
    public static async Task SettledAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('canvas')].every(c => typeof Chart !== 'undefined' && Chart.getChart(c) !== undefined)",
            null,
            new() { Timeout = 60_000 });
        await page.EvaluateAsync("""
            () => new Promise(resolve => {
                let timer;
                const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 500); });
                const done = () => { observer.disconnect(); resolve(); };
                observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
                timer = setTimeout(done, 500);
                setTimeout(done, 15000);
            })
            """);
    }

    /// <summary>
    /// The console errors, uncaught exceptions and failed requests of <paramref name="browser"/> since the last call for it,
    /// so that a test visiting many pages in one context can tell which page had them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NewErrorsAsync(BrowserPage browser)
    {
        // A round trip to the page lets the events it has already sent arrive.
        await browser.Page.EvaluateAsync("() => 0");
        var all = browser.ConsoleErrors.Concat(browser.FailedRequests).ToList();
        var seen = ReportedErrors.GetValue(browser, _ => new StrongBox<int>(0));
        var fresh = all.Skip(seen.Value).Select(error => "error: " + error).ToList();
        seen.Value = all.Count;
        return fresh;
    }

    private static readonly ConditionalWeakTable<BrowserPage, StrongBox<int>> ReportedErrors = new();

    public async Task DisposeAsync()
    {
        if (_pseudoApp is not null)
        {
            await _pseudoApp.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private static WebAppOptions Options(string? databasePath, bool pseudo) => new()
    {
        Environment = "Development",
        DatabasePath = databasePath,
        ConfigureGhStats = ghStats => ghStats.AddNotifications().AddTransfer(),
        ConfigureServices = pseudo
            ? services =>
            {
                services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
                services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(provider =>
                    new PseudoLocalizerFactory(provider.GetRequiredService<ResourceManagerStringLocalizerFactory>())));
            }
            : null,
    };
}
