using GhStats.Testing.Oidc;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>One provider for the tests of <see cref="SharedOidcProvider"/>: starting node costs about a second.</summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    private OidcProvider? _provider;

    /// <summary>The running provider; tests add clients and accounts with unique ids, so they never see each other's.</summary>
    public OidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started yet.");

    public async Task InitializeAsync() => _provider = await OidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    /// <summary>An account with a unique subject and email, added to the provider.</summary>
    public async Task<OidcAccount> AddAccountAsync(string name, bool emailVerified = true)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var account = new OidcAccount("sub-" + id, $"{name.ToLowerInvariant()}.{id}@example.com", emailVerified, name);
        await Provider.AddAccountAsync(account);
        return account;
    }

    /// <summary>A relying party on a free loopback port, registered with the provider as a new client.</summary>
    public async Task<RelyingParty> StartRelyingPartyAsync(string responseMode = "query")
    {
        var relyingParty = await RelyingParty.StartAsync(Provider.Issuer, "rp-" + Guid.NewGuid().ToString("N")[..10], "secret-" + Guid.NewGuid().ToString("N"), responseMode);
        await Provider.AddClientAsync(relyingParty.Client);
        return relyingParty;
    }
}
