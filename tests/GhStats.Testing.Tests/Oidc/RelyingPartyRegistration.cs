using GhStats.Testing.Oidc;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>Relying parties for the tests of the shared provider.</summary>
public static class RelyingPartyRegistration
{
    /// <summary>A relying party on a free loopback port, registered with the provider as a new client.</summary>
    public static async Task<RelyingParty> StartRelyingPartyAsync(this OidcProviderFixture fixture, string responseMode = "query")
    {
        var relyingParty = await RelyingParty.StartAsync(fixture.Provider.Issuer, "rp-" + Guid.NewGuid().ToString("N")[..10], "secret-" + Guid.NewGuid().ToString("N"), responseMode);
        await fixture.Provider.AddClientAsync(relyingParty.Client);
        return relyingParty;
    }
}
