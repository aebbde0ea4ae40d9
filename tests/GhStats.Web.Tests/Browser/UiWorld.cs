using System.Security.Cryptography;
using GhStats.Testing.Browser;
using GhStats.Testing.GitHub;
using GhStats.Testing.Oidc;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// What the browser tests drive: the app mounted under /stats (as an app that embeds GhStats would mount it), signing
/// in with a real OpenID Connect provider, and the GitHub simulator serving acme/site, whose referrers include markup.
/// The simulator's "now" is the real now, so the pages' date ranges (computed in the browser) cover its traffic.
/// </summary>
public sealed class UiWorld : IAsyncLifetime
{
    public const string Prefix = "/stats";
    public const string HostileReferrer = "<img src=x onerror=alert(1)>";
    public const string AdminEmail = "boss@example.com";
    public const string ViewerEmail = "viewer@example.com";
    public const string OwnerEmail = "owner@example.com";
    public const int BulkRepositories = 60;

    private readonly string _clientSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private Task<AdminSetup>? _setup;

    public OidcProvider Provider { get; private set; } = null!;

    public GitHubSimulator Simulator { get; private set; } = null!;

    public WebApp App { get; private set; } = null!;

    public SimulatedRepository Site { get; private set; } = null!;

    /// <summary>The owner's webhook endpoint on loopback (the app allows private addresses for it), for "Send a test".</summary>
    internal GhStats.Notifications.Tests.LoopbackReceiver Receiver { get; private set; } = null!;

    /// <summary>A GitHub token that may push to acme/site, so it can read its traffic.</summary>
    public string GitHubToken { get; private set; } = null!;

    /// <summary>The app's address with the prefix and a trailing slash, for relative page paths.</summary>
    public Uri Home => new(App.Root, Prefix.TrimStart('/') + "/");

    public DateTimeOffset SimulatedNow => Simulator.Clock.GetUtcNow();

    public async Task InitializeAsync()
    {
        Simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = DateTimeOffset.UtcNow });
        Site = Simulator.AddRepository("acme", "site", seed: 7, repository =>
            repository.Referrers = [HostileReferrer, "github.com", "news.ycombinator.com", "stackoverflow.com"]);
        GitHubToken = Simulator.AddToken(canPushTo: "acme/site");

        Provider = await OidcProvider.StartAsync();
        Receiver = await GhStats.Notifications.Tests.LoopbackReceiver.StartAsync();
        App = await WebApp.StartAsync(new WebAppOptions
        {
            Prefix = Prefix,
            ConfigureGhStats = ghStats => ghStats.AddNotifications(),
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Authentication:Oidc:Authority"] = Provider.IssuerIdentifier,
                ["GhStats:Authentication:Oidc:ClientId"] = "ghstats-browser-tests",
                ["GhStats:Authentication:Oidc:ClientSecret"] = _clientSecret,
                ["GhStats:Authentication:Oidc:RequireHttpsMetadata"] = "false",
                ["GhStats:Bootstrap:AdminEmails:0"] = AdminEmail,
                ["GhStats:Notifications:AllowPrivateAddresses"] = "true",
            },
        });
        await Provider.AddClientAsync(new OidcClient("ghstats-browser-tests", _clientSecret,
            [new Uri(App.Root, "stats/signin-oidc")], [new Uri(App.Root, "stats/signout-callback-oidc")]));
        await Provider.AddAccountAsync(new OidcAccount("boss", AdminEmail, EmailVerified: true, "Bea Boss"));
        await Provider.AddAccountAsync(new OidcAccount("viewer", ViewerEmail, EmailVerified: true, "Vic Viewer"));
        await Provider.AddAccountAsync(new OidcAccount("owner", OwnerEmail, EmailVerified: true, "Olga Owner"));
    }

    /// <summary>The admin's setup through the pages, run by the first test that needs it and shared by the rest.</summary>
    public async Task<AdminSetup> SetUpAsync(ChromiumFixture chromium)
    {
        // The browser tests share one collection, so they run one at a time: no lock is needed. A failed setup fails
        // every test that needs it with the same error, rather than running again against half-made data.
        return await (_setup ??= AdminSetup.RunAsync(chromium, this));
    }

    /// <summary>Opens the app in a fresh browser context and signs in at the provider's login page as <paramref name="login"/>.</summary>
    public async Task<BrowserPage> SignInAsync(ChromiumFixture chromium, string login, BrowserPageOptions? options = null)
    {
        var page = await chromium.NewPageAsync((options ?? new BrowserPageOptions()) with { BaseAddress = Home });
        Patient(page);
        // The provider's login page declares no icon; its /favicon.ico 404 is the provider's, not GhStats'.
        page.AllowErrorResponse(404, "/favicon.ico");
        await page.Page.GotoAsync(Home.ToString());
        await page.Page.FillAsync("#" + OidcProviderPages.LoginInputId, login);
        await page.Page.ClickAsync("#" + OidcProviderPages.LoginSubmitButtonId);
        await page.Page.WaitForURLAsync(url => url.StartsWith(Home.ToString(), StringComparison.Ordinal) && !url.Contains("signin", StringComparison.Ordinal));
        (await page.Page.Locator("#page-title").TextContentAsync()).ShouldBe("Overview");
        return page;
    }

    /// <summary>A page in the admin's session (its cookies), e.g. in the other colour scheme or on a phone.</summary>
    public async Task<BrowserPage> SameSessionAsync(ChromiumFixture chromium, AdminSetup signedIn, BrowserPageOptions options)
    {
        var page = await chromium.NewPageAsync(options with { BaseAddress = Home });
        Patient(page);
        await page.Context.AddCookiesAsync(signedIn.Session.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        return page;
    }

    /// <summary>CI machines are small and busy: waits for a page's elements get a minute, not Playwright's 30 s.</summary>
    private static void Patient(BrowserPage page)
    {
        page.Page.SetDefaultTimeout(60_000);
        page.Page.SetDefaultNavigationTimeout(60_000);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }
    }
}
