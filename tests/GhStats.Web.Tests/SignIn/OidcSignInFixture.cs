using GhStats.Testing.Oidc;
using GhStats.Web.Tests.Harness;
using Xunit;

namespace GhStats.Web.Tests.SignIn;

/// <summary>A real OpenID Connect provider (node's oidc-provider) and a GhStats app that signs in with it, in Production.</summary>
public sealed class OidcSignInFixture : IAsyncLifetime
{
    public const string ClientId = "ghstats-web-tests";
    public const string BootstrapAdmin = "boss@example.com";

    // Only this test's provider knows it; it is made per run, never a default.
    private readonly string _clientSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public OidcProvider Provider { get; private set; } = null!;

    public WebApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        App = await WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?>
            {
                ["GhStats:Authentication:Oidc:Authority"] = Provider.IssuerIdentifier,
                ["GhStats:Authentication:Oidc:ClientId"] = ClientId,
                ["GhStats:Authentication:Oidc:ClientSecret"] = _clientSecret,
                ["GhStats:Authentication:Oidc:RequireHttpsMetadata"] = "false",
                ["GhStats:Bootstrap:AdminEmails:0"] = BootstrapAdmin,
            },
        });
        await Provider.AddClientAsync(new OidcClient(ClientId, _clientSecret, [new Uri(App.Root, "signin-oidc")], [new Uri(App.Root, "signout-callback-oidc")]));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
