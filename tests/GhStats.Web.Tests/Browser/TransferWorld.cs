using GhStats.Domain;
using GhStats.Testing.Browser;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// An app with the transfer package (<c>AddTransfer()</c>, as GhStats.Host adds it) in the Development environment, so
/// the browser signs in through the development sign-in: an owner of the tenants acme and beta, and a viewer of acme.
/// </summary>
public sealed class TransferWorld : IAsyncLifetime
{
    public const string OwnerEmail = "owner@example.com";
    public const string ViewerEmail = "viewer@example.com";

    private WebApp? _app;

    public WebApp App => _app ?? throw new InvalidOperationException("The world has not started.");

    public Tenant Acme { get; private set; } = null!;

    public Tenant Beta { get; private set; } = null!;

    /// <summary>The IBM github-traffic-stats fixtures of the transfer tests, linked into this project's output by its csproj.</summary>
    public static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. path]);

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            AddCollector = false,
            ConfigureGhStats = ghStats => ghStats.AddTransfer(),
        });
        Acme = await App.CreateTenantAsync("acme", "Acme");
        Beta = await App.CreateTenantAsync("beta", "Beta");
        var owner = await App.CreateUserAsync(OwnerEmail);
        var viewer = await App.CreateUserAsync(ViewerEmail);
        await App.AddMemberAsync(Acme, owner, TenantRole.Owner);
        await App.AddMemberAsync(Beta, owner, TenantRole.Owner);
        await App.AddMemberAsync(Acme, viewer, TenantRole.Viewer);
    }

    /// <summary>Opens the Overview in a fresh context, signed in as <paramref name="email"/> through the development sign-in.</summary>
    public Task<BrowserPage> SignInAsync(ChromiumFixture chromium, string email, BrowserPageOptions? options = null) =>
        DevelopmentSignIn.OpenAsync(chromium, App.Root, email, options);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
