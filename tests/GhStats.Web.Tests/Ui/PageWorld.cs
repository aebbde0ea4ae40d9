using GhStats.Domain;
using GhStats.Web.Tests.Harness;
using Xunit;

namespace GhStats.Web.Tests.Ui;

/// <summary>
/// A Development app with two tenants and one signed-in browser session per kind of caller, for the page tests.
/// Tenant A's name is hostile markup, so every page that shows it proves it is encoded.
/// </summary>
public sealed class PageWorld : IAsyncLifetime
{
    public const string HostileName = "<img src=x onerror=alert(1)>";

    private WebApp? _app;

    public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

    public Tenant TenantA { get; private set; } = null!;

    public Tenant TenantB { get; private set; } = null!;

    public TrackedRepository RepositoryA { get; private set; } = null!;

    public Dictionary<string, WebCaller> Sessions { get; } = [];

    public async Task InitializeAsync()
    {
        _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        TenantA = await App.CreateTenantAsync("tenant-a", HostileName);
        TenantB = await App.CreateTenantAsync("tenant-b", "Tenant B");
        RepositoryA = await App.TrackAsync(TenantA, "acme", "site");

        var admin = await App.CreateUserAsync("admin@example.test", SystemRole.Admin);
        var maintainer = await App.CreateUserAsync("maintainer@example.test", SystemRole.Maintainer);
        var owner = await App.CreateUserAsync("owner@example.test");
        await App.AddMemberAsync(TenantA, owner, TenantRole.Owner);
        var viewer = await App.CreateUserAsync("viewer@example.test");
        await App.AddMemberAsync(TenantA, viewer, TenantRole.Viewer);
        var grantee = await App.CreateUserAsync("grantee@example.test");
        await App.GrantAsync(grantee, RepositoryA);
        var outsider = await App.CreateUserAsync("outsider@example.test");
        await App.AddMemberAsync(TenantB, outsider, TenantRole.Owner);

        foreach (var user in new[] { admin, maintainer, owner, viewer, grantee, outsider })
        {
            Sessions[user.Email.Split('@')[0]] = await App.SignInAsync(user.Email);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
