using System.Net;
using System.Text.Json;
using GhStats.Testing.Oidc;
using Shouldly;
using Xunit;

namespace GhStats.Testing.Tests.Oidc;

/// <summary>Full authorization code round trips: ASP.NET Core's OpenIdConnect handler against the node provider.</summary>
[Collection(SharedOidcProvider.Name)]
public sealed class OidcSignInTests(OidcProviderFixture fixture)
{
    [Fact]
    public async Task SignIn_WithQueryResponseMode_GivesTheRelyingPartyTheIdTokensClaims()
    {
        var alice = await fixture.AddAccountAsync("Alice", emailVerified: true);
        await using var relyingParty = await fixture.StartRelyingPartyAsync("query");
        using var driver = new OidcSignInDriver();

        var result = await driver.SignInAsync(relyingParty.SignIn, alice.Subject);

        result.StatusCode.ShouldBe(HttpStatusCode.OK, result.Body);
        result.Uri.ShouldBe(relyingParty.Me);
        result.IsLoginForm.ShouldBeFalse();
        var claims = Claims(result.Body);
        claims["sub"].ShouldBe(alice.Subject);
        claims["email"].ShouldBe(alice.Email);
        claims["email_verified"].ShouldBe("true");
        claims["name"].ShouldBe("Alice");

        // The code came back in the query of a GET to the callback, and PKCE went with the request.
        result.Steps.ShouldContain(step => step.StartsWith($"GET {relyingParty.BaseAddress}signin-oidc?code=", StringComparison.Ordinal));
        result.Steps.ShouldContain(step => step.StartsWith($"POST {fixture.Provider.IssuerIdentifier}/interaction/", StringComparison.Ordinal));

        // The cookie jar now carries the relying party's session.
        using var me = await driver.Http.GetAsync(relyingParty.Me);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        Claims(await me.Content.ReadAsStringAsync())["sub"].ShouldBe(alice.Subject);
    }

    [Fact]
    public async Task SignIn_WithFormPostResponseMode_AndTheEmailInAnotherCase_SignsInWithAnUnverifiedEmail()
    {
        var bob = await fixture.AddAccountAsync("Bob", emailVerified: false);
        await using var relyingParty = await fixture.StartRelyingPartyAsync("form_post");
        using var driver = new OidcSignInDriver();

        var result = await driver.SignInAsync(relyingParty.SignIn, bob.Email.ToUpperInvariant());

        result.StatusCode.ShouldBe(HttpStatusCode.OK, result.Body);
        result.Uri.ShouldBe(relyingParty.Me);
        var claims = Claims(result.Body);
        claims["sub"].ShouldBe(bob.Subject);
        claims["email"].ShouldBe(bob.Email);
        claims["email_verified"].ShouldBe("false");
        claims["name"].ShouldBe("Bob");
        result.Steps.ShouldContain($"POST {relyingParty.BaseAddress}signin-oidc");
    }

    [Fact]
    public async Task SignIn_WithAnUnknownLogin_ShowsTheLoginFormAgainWithAnError_AndDoesNotSignIn()
    {
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();

        var result = await driver.SignInAsync(relyingParty.SignIn, "nobody@example.com");

        result.IsLoginForm.ShouldBeTrue();
        result.LoginError.ShouldBe("No account matches \"nobody@example.com\".");
        result.Uri.AbsoluteUri.ShouldStartWith(fixture.Provider.IssuerIdentifier + "/interaction/");
        result.Body.ShouldContain($"id=\"{OidcProviderPages.LoginInputId}\"");
        result.Body.ShouldContain($"<label for=\"{OidcProviderPages.LoginInputId}\">");
        result.Body.ShouldContain($"id=\"{OidcProviderPages.LoginSubmitButtonId}\"");
        using var me = await driver.Http.GetAsync(relyingParty.Me);
        me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_EndsTheProviderSession_SoTheNextSignInAsksForALoginAgain()
    {
        var carol = await fixture.AddAccountAsync("Carol");
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();
        (await driver.SignInAsync(relyingParty.SignIn, carol.Email)).Uri.ShouldBe(relyingParty.Me);

        // While the provider's session lasts, signing in again needs no login.
        var again = await driver.FollowAsync(relyingParty.SignIn);
        again.IsLoginForm.ShouldBeFalse();
        Claims(again.Body)["sub"].ShouldBe(carol.Subject);

        var signedOut = await driver.FollowAsync(relyingParty.SignOut);

        signedOut.StatusCode.ShouldBe(HttpStatusCode.OK, signedOut.Body);
        signedOut.Uri.ShouldBe(new Uri(relyingParty.BaseAddress, "signed-out"));
        signedOut.Steps.ShouldContain(step => step.StartsWith($"POST {fixture.Provider.IssuerIdentifier}/session/end/confirm", StringComparison.Ordinal));
        using (var me = await driver.Http.GetAsync(relyingParty.Me))
        {
            me.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await driver.FollowAsync(relyingParty.SignIn)).IsLoginForm.ShouldBeTrue();
    }

    [Fact]
    public async Task SignOut_AtTheProviderAlone_ShowsTheSignedOutPage()
    {
        var dave = await fixture.AddAccountAsync("Dave");
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();
        await driver.SignInAsync(relyingParty.SignIn, dave.Subject);

        var result = await driver.FollowAsync(new Uri(fixture.Provider.Issuer, "session/end"));

        result.StatusCode.ShouldBe(HttpStatusCode.OK);
        result.Body.ShouldContain($"id=\"{OidcProviderPages.LogoutSuccessId}\"");
        (await driver.FollowAsync(relyingParty.SignIn)).IsLoginForm.ShouldBeTrue();
    }

    [Fact]
    public async Task AddAccountAsync_WithAKnownSubject_ReplacesTheAccount()
    {
        var erin = await fixture.AddAccountAsync("Erin");
        await fixture.Provider.AddAccountAsync(erin with { Name = "Erin Renamed", EmailVerified = false });
        await using var relyingParty = await fixture.StartRelyingPartyAsync();
        using var driver = new OidcSignInDriver();

        var result = await driver.SignInAsync(relyingParty.SignIn, erin.Subject);

        var claims = Claims(result.Body);
        claims["name"].ShouldBe("Erin Renamed");
        claims["email_verified"].ShouldBe("false");
    }

    private static Dictionary<string, string> Claims(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? throw new InvalidOperationException("The relying party answered null.");
}
