using System.Net;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// With the access cache on (as by default), changes made through this replica's API apply to the next request, while
/// changes made elsewhere (another replica, written straight to the database) wait for the cache's lifetime.
/// </summary>
public sealed class AccessCacheTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await WebApp.StartAsync(new WebAppOptions
        {
            Environment = "Development",
            Settings = new Dictionary<string, string?> { ["GhStats:Api:AccessCacheLifetime"] = "00:05:00" },
        });

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task ATokenRevokedThroughTheApi_IsRefusedAtOnce()
    {
        var user = await _app.CreateUserAsync("revoker@cache.example");
        var session = await _app.SignInAsync(user.Email);
        var issued = await _app.Administration.CreateApiTokenAsync(user.Id, "script", 1);
        var script = _app.WithToken(issued.Secret);
        (await script.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await session.DeleteAsync($"api/v1/me/tokens/{issued.Token.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await script.GetAsync("api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AMemberRemovedThroughTheApi_LosesTheTenantAtOnce()
    {
        var tenant = await _app.CreateTenantAsync("cache-members");
        var owner = await _app.CreateUserAsync("owner@cache-members.example");
        var viewer = await _app.CreateUserAsync("viewer@cache-members.example");
        await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        await _app.AddMemberAsync(tenant, viewer, TenantRole.Viewer);
        var viewerCalls = _app.As(viewer);
        (await viewerCalls.GetAsync("api/v1/tenants/cache-members")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _app.As(owner).DeleteAsync($"api/v1/tenants/cache-members/members/{viewer.Email}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await viewerCalls.GetAsync("api/v1/tenants/cache-members")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARoleTakenAwayElsewhere_IsRememberedUntilTheCacheExpires()
    {
        var tenant = await _app.CreateTenantAsync("cache-elsewhere");
        var viewer = await _app.CreateUserAsync("viewer@cache-elsewhere.example");
        await _app.AddMemberAsync(tenant, viewer, TenantRole.Viewer);
        var calls = _app.As(viewer);
        (await calls.GetAsync("api/v1/tenants/cache-elsewhere")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Another replica's change reaches this one only through the database.
        await _app.Get<IMembershipStore>().RemoveMemberAsync(tenant.Id, viewer.Id);

        (await calls.GetAsync("api/v1/tenants/cache-elsewhere")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
