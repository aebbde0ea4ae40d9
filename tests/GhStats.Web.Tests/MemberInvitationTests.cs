using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// An owner who gives an email a role learns nothing about other tenants: every email that is not already a member of
/// this tenant is invited, with the same answer whether or not a profile with it exists anywhere, and the person joins
/// only by signing in with that verified email (accepting the invitation), never because an owner typed it.
/// </summary>
public sealed class MemberInvitationTests
{
    [Fact]
    public async Task AnEmailKnownOnlyInAnotherTenant_IsInvited_WithTheSameAnswerAsAnEmailNobodyHas()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        var (alphaOwner, known) = await TwoTenantsAsync(app);

        using var forKnown = await alphaOwner.PutJsonAsync($"api/v1/tenants/alpha/members/{known.Email}", new { role = "viewer" });
        using var forNobody = await alphaOwner.PutJsonAsync("api/v1/tenants/alpha/members/nobody@nowhere.example", new { role = "viewer" });

        forKnown.StatusCode.ShouldBe(HttpStatusCode.OK);
        forNobody.StatusCode.ShouldBe(HttpStatusCode.OK);
        var knownBody = await forKnown.Content.ReadAsStringAsync();
        var nobodyBody = await forNobody.Content.ReadAsStringAsync();
        knownBody.Replace(known.Email, "EMAIL", StringComparison.Ordinal).ShouldBe(nobodyBody.Replace("nobody@nowhere.example", "EMAIL", StringComparison.Ordinal));
        JsonDocument.Parse(knownBody).RootElement.GetProperty("status").GetString().ShouldBe("invited");

        // Not a member until they accept: the tenant lists an invitation, and the person does not see the tenant.
        var members = await alphaOwner.GetJsonAsync("api/v1/tenants/alpha/members");
        members.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldBe(["owner@alpha.example"]);
        members.GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("email").GetString())
            .ShouldBe([known.Email, "nobody@nowhere.example"], ignoreOrder: true);
        var seen = await app.As(known).GetJsonAsync("api/v1/me");
        seen.GetProperty("tenants").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).ShouldBe(["beta"]);
    }

    [Fact]
    public async Task TheInvitedPerson_JoinsWhenTheySignInWithThatEmail()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        var (alphaOwner, known) = await TwoTenantsAsync(app);
        (await alphaOwner.PutJsonAsync($"api/v1/tenants/alpha/members/{known.Email}", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var signedIn = await app.SignInAsync(known.Email);

        signedIn.UserId.ShouldBe(known.Id);
        var me = await signedIn.GetJsonAsync("api/v1/me");
        me.GetProperty("tenants").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("role").GetString()))
            .ShouldBe([("alpha", "viewer"), ("beta", "viewer")], ignoreOrder: true);
        (await alphaOwner.GetJsonAsync("api/v1/tenants/alpha/members")).GetProperty("invitations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AMemberOfThisTenant_GetsTheNewRoleAtOnce()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
        var (alphaOwner, _) = await TwoTenantsAsync(app);
        var viewer = await app.CreateUserAsync("viewer@alpha.example");
        await app.AddMemberAsync((await app.Get<GhStats.Stores.ITenantStore>().FindBySlugAsync("alpha"))!, viewer, TenantRole.Viewer);

        using var response = await alphaOwner.PutJsonAsync($"api/v1/tenants/alpha/members/{viewer.Email}", new { role = "owner" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString().ShouldBe("member");
        (await alphaOwner.GetJsonAsync("api/v1/tenants/alpha/members")).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("email").GetString() == viewer.Email).GetProperty("role").GetString().ShouldBe("owner");
        (await alphaOwner.GetJsonAsync("api/v1/tenants/alpha/members")).GetProperty("invitations").GetArrayLength().ShouldBe(0);
    }

    /// <summary>Tenant alpha with its owner, and a person who is a viewer of tenant beta only.</summary>
    private static async Task<(WebCaller AlphaOwner, SeededUser Known)> TwoTenantsAsync(WebApp app)
    {
        var alpha = await app.CreateTenantAsync("alpha");
        var beta = await app.CreateTenantAsync("beta");
        var owner = await app.CreateUserAsync("owner@alpha.example");
        await app.AddMemberAsync(alpha, owner, TenantRole.Owner);
        var known = await app.CreateUserAsync("known@beta.example");
        await app.AddMemberAsync(beta, known, TenantRole.Viewer);
        return (app.As(owner), known);
    }
}
