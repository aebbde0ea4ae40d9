using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.Oidc;
using GhStats.Web.Tests.Harness;
using Xunit;
using Shouldly;

namespace GhStats.Web.Tests.SignIn;

/// <summary>The sign-in round trip against a real OpenID Connect provider: who gets a profile, and who is turned away.</summary>
public sealed class OidcSignInTests(OidcSignInFixture fixture) : IClassFixture<OidcSignInFixture>
{
    private WebApp App => fixture.App;

    private OidcProvider Provider => fixture.Provider;

    [Fact]
    public async Task SignIn_AdmitsTheBootstrapAdmin_WithAVerifiedEmail_AsAnAdmin()
    {
        await Provider.AddAccountAsync(new OidcAccount("boss-subject", OidcSignInFixture.BootstrapAdmin, EmailVerified: true, "The Boss"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(App.Root, "signin"), OidcSignInFixture.BootstrapAdmin);

        result.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", result.Steps));
        result.Uri.AbsolutePath.ShouldBe("/");
        var me = await MeAsync(driver);
        me.GetProperty("email").GetString().ShouldBe(OidcSignInFixture.BootstrapAdmin);
        me.GetProperty("displayName").GetString().ShouldBe("The Boss");
        me.GetProperty("systemRoles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["admin"]);
        me.GetProperty("developmentSignIn").GetBoolean().ShouldBeFalse();

        var profile = await App.Get<IUserStore>().FindByIdentityAsync(Provider.IssuerIdentifier, "boss-subject");
        profile.ShouldNotBeNull().Id.ShouldBe(me.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task SignIn_TurnsAnInvitationIntoAMembership_AtTheFirstSignIn()
    {
        var tenant = await App.CreateTenantAsync("invited-co");
        await App.Get<IMembershipStore>().InviteAsync(tenant.Id, "Vera@Example.com", TenantRole.Viewer);
        await Provider.AddAccountAsync(new OidcAccount("vera-subject", "vera@example.com", EmailVerified: true, "Vera"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(App.Root, "signin"), "vera-subject");

        result.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", result.Steps));
        var tenants = (await MeAsync(driver)).GetProperty("tenants").EnumerateArray()
            .Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("role").GetString())).ToList();
        tenants.ShouldBe([("invited-co", "viewer")]);
        (await App.Get<IMembershipStore>().ListInvitationsAsync(tenant.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignIn_RefusesAVerifiedEmail_ThatNobodyInvited_AndMakesNoProfile()
    {
        await Provider.AddAccountAsync(new OidcAccount("stranger-subject", "stranger@example.com", EmailVerified: true, "Stranger"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(App.Root, "signin"), "stranger@example.com");

        result.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        result.Body.ShouldContain("There is no invitation for stranger@example.com");
        (await driver.Http.GetAsync(new Uri(App.Root, "api/v1/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.Get<IUserStore>().FindByIdentityAsync(Provider.IssuerIdentifier, "stranger-subject")).ShouldBeNull();
        (await App.Get<IUserStore>().FindByEmailAsync("stranger@example.com")).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignIn_RefusesAnUnverifiedEmail_EvenWhenItIsInvited_AndKeepsTheInvitation()
    {
        var tenant = await App.CreateTenantAsync("unverified-co");
        await App.Get<IMembershipStore>().InviteAsync(tenant.Id, "mallory@example.com", TenantRole.Owner);
        await Provider.AddAccountAsync(new OidcAccount("mallory-subject", "mallory@example.com", EmailVerified: false, "Mallory"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(App.Root, "signin"), "mallory-subject");

        result.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        result.Body.ShouldContain("has not verified mallory@example.com");
        (await driver.Http.GetAsync(new Uri(App.Root, "api/v1/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.Get<IMembershipStore>().ListInvitationsAsync(tenant.Id)).Select(i => i.Email).ShouldBe(["mallory@example.com"]);
    }

    [Fact]
    public async Task SignIn_FindsTheSameProfile_ByIssuerAndSubject_AfterTheEmailChanges()
    {
        var tenant = await App.CreateTenantAsync("returning-co");
        await App.Get<IMembershipStore>().InviteAsync(tenant.Id, "rita@example.com", TenantRole.Owner);
        await Provider.AddAccountAsync(new OidcAccount("rita-subject", "rita@example.com", EmailVerified: true, "Rita"));
        using var first = new OidcSignInDriver();
        await first.SignInAsync(new Uri(App.Root, "signin"), "rita-subject");
        var firstId = (await MeAsync(first)).GetProperty("id").GetInt64();

        // The provider now reports a new, uninvited email: the identity, not the email, finds the profile.
        await Provider.AddAccountAsync(new OidcAccount("rita-subject", "rita.new@example.com", EmailVerified: true, "Rita N."));
        using var second = new OidcSignInDriver();
        var result = await second.SignInAsync(new Uri(App.Root, "signin"), "rita-subject");

        result.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", result.Steps));
        var me = await MeAsync(second);
        me.GetProperty("id").GetInt64().ShouldBe(firstId);
        me.GetProperty("email").GetString().ShouldBe("rita.new@example.com");
        me.GetProperty("tenants").EnumerateArray().Single().GetProperty("role").GetString().ShouldBe("owner");
    }

    [Fact]
    public async Task SignIn_TakesOverTheProfileAHostCommandMade_WithItsToken()
    {
        var issued = await App.Administration.CreateApiTokenAsync("robot@example.com", "nightly report", 30);
        await Provider.AddAccountAsync(new OidcAccount("robot-subject", "robot@example.com", EmailVerified: true, "Robot"));

        using var driver = new OidcSignInDriver();
        var result = await driver.SignInAsync(new Uri(App.Root, "signin"), "robot@example.com");

        result.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("\n", result.Steps));
        (await MeAsync(driver)).GetProperty("id").GetInt64().ShouldBe(issued.Token.UserId);
        var profile = await App.Get<IUserStore>().FindAsync(issued.Token.UserId);
        profile.ShouldNotBeNull().Issuer.ShouldBe(Provider.IssuerIdentifier);
        profile.Subject.ShouldBe("robot-subject");
        using var script = App.WithToken(issued.Secret);
        (await script.GetJsonAsync("api/v1/me")).GetProperty("id").GetInt64().ShouldBe(issued.Token.UserId);
    }

    [Fact]
    public async Task DevelopmentSignIn_DoesNotExist_OutsideTheDevelopmentEnvironment()
    {
        using var caller = App.Anonymous();

        (await caller.GetAsync("signin/development")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var post = new HttpRequestMessage(HttpMethod.Post, "signin/development")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = OidcSignInFixture.BootstrapAdmin }),
        };
        (await caller.Http.SendAsync(post)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await Provider.AddAccountAsync(new OidcAccount("leaver-subject", "leaver@example.com", EmailVerified: true, "Leaver"));
        await App.Administration.AddAdminAsync("leaver@example.com");
        using var driver = new OidcSignInDriver();
        await driver.SignInAsync(new Uri(App.Root, "signin"), "leaver@example.com");
        var antiforgery = (await MeAsync(driver)).GetProperty("antiforgeryToken").GetString()!;

        using var signOut = new HttpRequestMessage(HttpMethod.Post, new Uri(App.Root, "signout"));
        signOut.Headers.Add(WebCaller.AntiforgeryHeader, antiforgery);
        var result = await driver.Http.SendAsync(signOut);

        result.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await driver.Http.GetAsync(new Uri(App.Root, "api/v1/me"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement> MeAsync(OidcSignInDriver driver)
    {
        using var response = await driver.Http.GetAsync(new Uri(App.Root, "api/v1/me"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
