using System.Text.Json;
using GhStats.Testing.Oidc;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

[Collection(SharedOidcProvider.Name)]
public sealed class OidcProviderTests(OidcProviderFixture fixture)
{
    private readonly OidcProvider _provider = fixture.Provider;

    [Fact]
    public async Task Discovery_NamesTheIssuerAndTheCodeFlowEndpoints()
    {
        using var http = new HttpClient();
        using var discovery = JsonDocument.Parse(await http.GetStringAsync(_provider.MetadataAddress));
        var root = discovery.RootElement;

        _provider.Issuer.Host.ShouldBe("127.0.0.1");
        _provider.IssuerIdentifier.ShouldBe($"http://127.0.0.1:{_provider.Port}");
        root.GetProperty("issuer").GetString().ShouldBe(_provider.IssuerIdentifier);
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "end_session_endpoint" })
        {
            root.GetProperty(endpoint).GetString().ShouldStartWith(_provider.IssuerIdentifier + "/", customMessage: endpoint);
        }

        Strings(root, "response_types_supported").ShouldContain("code");
        Strings(root, "response_modes_supported").ShouldBe(["form_post", "fragment", "query"], ignoreOrder: true);
        Strings(root, "code_challenge_methods_supported").ShouldBe(["S256"]);
        Strings(root, "scopes_supported").ShouldContain("email");
        Strings(root, "scopes_supported").ShouldContain("profile");
        Strings(root, "claims_supported").ShouldContain("email_verified");
        Strings(root, "token_endpoint_auth_methods_supported").ShouldContain("client_secret_basic");
        Strings(root, "token_endpoint_auth_methods_supported").ShouldContain("client_secret_post");

        // The signing key the id_tokens are checked against is served, and it is a public key only.
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(root.GetProperty("jwks_uri").GetString()));
        var key = jwks.RootElement.GetProperty("keys").EnumerateArray().ShouldHaveSingleItem();
        key.GetProperty("kty").GetString().ShouldBe("RSA");
        key.TryGetProperty("d", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task AddClientAsync_WithAFragmentInTheRedirectUri_FailsWithTheProvidersReason()
    {
        var client = new OidcClient("bad-" + Guid.NewGuid().ToString("N"), "secret", [new Uri("http://127.0.0.1:5099/signin-oidc#fragment")]);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => _provider.AddClientAsync(client));

        error.Message.ShouldContain(client.ClientId);
        error.Message.ShouldContain("fragment");
    }

    [Fact]
    public async Task AdminApi_AnswersNotFound_ForAnUnknownRoute()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{}");

        using var response = await http.PostAsync(new Uri(_provider.Issuer, "_test/widgets"), content);

        ((int)response.StatusCode).ShouldBe(404);
        (await response.Content.ReadAsStringAsync()).ShouldContain("/_test/clients");
    }

    private static string?[] Strings(JsonElement root, string property) =>
        [.. root.GetProperty(property).EnumerateArray().Select(item => item.GetString())];
}
