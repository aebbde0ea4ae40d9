using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GhStats.Testing.Oidc;
using Microsoft.AspNetCore.WebUtilities;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>The provider's protocol as a client sees it without a library: PKCE, client authentication, userinfo.</summary>
[Collection(SharedOidcProvider.Name)]
public sealed class OidcProtocolTests(OidcProviderFixture fixture)
{
    [Fact]
    public async Task AuthorizationRequest_WithoutPkce_IsRefused()
    {
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();

        var result = await driver.FollowAsync(AuthorizationUri(relyingParty, codeChallenge: null));

        result.Uri.GetLeftPart(UriPartial.Path).ShouldBe(relyingParty.Echo.AbsoluteUri);
        var query = QueryHelpers.ParseQuery(result.Uri.Query);
        query["error"].ToString().ShouldBe("invalid_request");
        query["error_description"].ToString().ShouldContain("PKCE");
    }

    [Fact]
    public async Task TokenEndpoint_AcceptsBasicAndPostClientSecrets_AndUserinfoAnswersTheClaims()
    {
        var frank = await fixture.AddAccountAsync("Frank");
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();
        var client = relyingParty.Client;

        var (firstCode, firstVerifier) = await AuthorizeAsync(driver, relyingParty, frank.Subject);
        using var basic = TokenRequest(firstCode, firstVerifier, relyingParty);
        basic.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.ClientId)}:{Uri.EscapeDataString(client.ClientSecret)}")));
        using var basicTokens = await SendForJsonAsync(driver.Http, basic, HttpStatusCode.OK);

        var (secondCode, secondVerifier) = await AuthorizeAsync(driver, relyingParty, frank.Subject);
        using var post = TokenRequest(secondCode, secondVerifier, relyingParty, ("client_id", client.ClientId), ("client_secret", client.ClientSecret));
        using var postTokens = await SendForJsonAsync(driver.Http, post, HttpStatusCode.OK);

        var idToken = IdTokenClaims(postTokens.RootElement.GetProperty("id_token").GetString()!);
        idToken.GetProperty("iss").GetString().ShouldBe(fixture.Provider.IssuerIdentifier);
        idToken.GetProperty("aud").GetString().ShouldBe(client.ClientId);
        idToken.GetProperty("email").GetString().ShouldBe(frank.Email);
        idToken.GetProperty("email_verified").GetBoolean().ShouldBeTrue();

        using var userinfo = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Provider.Issuer, "me"));
        userinfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", basicTokens.RootElement.GetProperty("access_token").GetString());
        using var claims = await SendForJsonAsync(driver.Http, userinfo, HttpStatusCode.OK);
        claims.RootElement.GetProperty("sub").GetString().ShouldBe(frank.Subject);
        claims.RootElement.GetProperty("email").GetString().ShouldBe(frank.Email);
        claims.RootElement.GetProperty("email_verified").GetBoolean().ShouldBeTrue();
        claims.RootElement.GetProperty("name").GetString().ShouldBe("Frank");
    }

    [Fact]
    public async Task TokenEndpoint_WithAWrongSecret_RefusesTheClient()
    {
        var grace = await fixture.AddAccountAsync("Grace");
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();
        var (code, verifier) = await AuthorizeAsync(driver, relyingParty, grace.Subject);

        using var request = TokenRequest(code, verifier, relyingParty, ("client_id", relyingParty.Client.ClientId), ("client_secret", "not-the-secret"));
        using var error = await SendForJsonAsync(driver.Http, request, HttpStatusCode.Unauthorized);

        error.RootElement.GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    private async Task<(string Code, string Verifier)> AuthorizeAsync(OidcSignInDriver driver, RelyingParty relyingParty, string login)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        var result = await driver.SignInAsync(AuthorizationUri(relyingParty, challenge), login);

        result.Uri.GetLeftPart(UriPartial.Path).ShouldBe(relyingParty.Echo.AbsoluteUri, result.Body);
        var query = QueryHelpers.ParseQuery(result.Uri.Query);
        query["iss"].ToString().ShouldBe(fixture.Provider.IssuerIdentifier);
        query["state"].ToString().ShouldBe("state-1");
        var code = query["code"].ToString();
        code.ShouldNotBeNullOrEmpty();
        return (code, verifier);
    }

    private Uri AuthorizationUri(RelyingParty relyingParty, string? codeChallenge)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = relyingParty.Client.ClientId,
            ["redirect_uri"] = relyingParty.Echo.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = "openid email profile",
            ["state"] = "state-1",
            ["nonce"] = "nonce-1",
        };
        if (codeChallenge is not null)
        {
            parameters["code_challenge"] = codeChallenge;
            parameters["code_challenge_method"] = "S256";
        }

        return new Uri(QueryHelpers.AddQueryString(new Uri(fixture.Provider.Issuer, "auth").AbsoluteUri, parameters));
    }

    private HttpRequestMessage TokenRequest(string code, string verifier, RelyingParty relyingParty, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", relyingParty.Echo.AbsoluteUri),
            new("code_verifier", verifier),
        };
        fields.AddRange(extra.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));
        return new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Provider.Issuer, "token")) { Content = new FormUrlEncodedContent(fields) };
    }

    private static async Task<JsonDocument> SendForJsonAsync(HttpClient http, HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body);
    }

    private static JsonElement IdTokenClaims(string idToken)
    {
        var payload = idToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var document = JsonDocument.Parse(Convert.FromBase64String(payload));
        return document.RootElement.Clone();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
