using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Notifications;

/// <summary>
/// A person's own email subscriptions: anyone signed in sets them for a tenant they see something in (a member, a
/// holder of a repository grant), never for another; an empty list unsubscribes; each change is audited.
/// </summary>
public sealed class SubscriptionApiTests(NotificationApp fixture) : IClassFixture<NotificationApp>
{
    [Theory]
    [InlineData("viewer")]
    [InlineData("grant")]
    [InlineData("owner")]
    public async Task APersonWhoSeesTheTenant_SubscribesAndUnsubscribes(string who)
    {
        var user = who switch { "viewer" => fixture.ViewerOfA, "grant" => fixture.GrantHolderInA, _ => fixture.OwnerOfA };
        var caller = fixture.App.As(user);

        using (var set = await caller.PutJsonAsync("api/v1/me/subscriptions/notify-a", new { topics = new[] { "trouble", "digest" } }))
        {
            var body = await set.Content.ReadAsStringAsync();
            set.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            Topics(JsonDocument.Parse(body).RootElement).ShouldBe(["digest", "trouble"]);
        }

        var listed = (await caller.GetJsonAsync("api/v1/me/subscriptions")).EnumerateArray().ToList();
        listed.Select(s => s.GetProperty("tenant").GetString()).ShouldBe(["notify-a"]);
        listed[0].GetProperty("tenantName").GetString().ShouldBe("Notify A");
        Topics(listed[0]).ShouldBe(["digest", "trouble"]);
        (await fixture.Store.ListSubscriptionsAsync(user.Id)).ShouldHaveSingleItem().Topics.ShouldBe(NotificationTopics.Digest | NotificationTopics.Trouble);

        using (var cleared = await caller.PutJsonAsync("api/v1/me/subscriptions/notify-a", new { topics = Array.Empty<string>() }))
        {
            cleared.StatusCode.ShouldBe(HttpStatusCode.OK);
            Topics(JsonDocument.Parse(await cleared.Content.ReadAsStringAsync()).RootElement).ShouldBeEmpty();
        }

        (await fixture.Store.ListSubscriptionsAsync(user.Id)).ShouldBeEmpty();
        Topics((await caller.GetJsonAsync("api/v1/me/subscriptions")).EnumerateArray().Single()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ATenantTheCallerDoesNotSee_IsNotFound_AndNotListed()
    {
        var ownerOfB = fixture.App.As(fixture.OwnerOfB);

        using var refused = await ownerOfB.PutJsonAsync("api/v1/me/subscriptions/notify-a", new { topics = new[] { "digest" } });
        using var unknown = await ownerOfB.PutJsonAsync("api/v1/me/subscriptions/no-such-tenant", new { topics = new[] { "digest" } });

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("Notify A");
        (await ownerOfB.GetJsonAsync("api/v1/me/subscriptions")).EnumerateArray().Select(s => s.GetProperty("tenant").GetString()).ShouldBe(["notify-b"]);
        (await fixture.Store.ListSubscriptionsAsync(fixture.OwnerOfB.Id)).ShouldAllBe(s => s.TenantId != fixture.A.Id);
    }

    [Fact]
    public async Task AnAdmin_SeesEveryTenant()
    {
        var tenants = (await fixture.App.As(fixture.Admin).GetJsonAsync("api/v1/me/subscriptions")).EnumerateArray().Select(s => s.GetProperty("tenant").GetString()).ToList();

        tenants.ShouldContain("notify-a");
        tenants.ShouldContain("notify-b");
    }

    [Fact]
    public async Task AnUnknownTopic_IsRefused_AndChangesNothing()
    {
        var person = await fixture.App.CreateUserAsync($"picky-{fixture.Next()}@notify.example");
        await fixture.App.AddMemberAsync(fixture.A, person, TenantRole.Viewer);

        using var response = await fixture.App.As(person).PutJsonAsync("api/v1/me/subscriptions/notify-a", new { topics = new[] { "digest", "everything" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("everything");
        (await fixture.Store.ListSubscriptionsAsync(person.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("GET", "api/v1/me/subscriptions")]
    [InlineData("PUT", "api/v1/me/subscriptions/notify-a")]
    public async Task NobodySignedIn_IsUnauthorized(string method, string path)
    {
        using var response = await fixture.App.Anonymous().SendAsync(WebCaller.WithJson(new HttpMethod(method), path, new { topics = new[] { "digest" } }));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AChange_IsAudited_AndSettingTheSameTopicsAgainIsNot()
    {
        var person = await fixture.App.CreateUserAsync($"audited-{fixture.Next()}@notify.example");
        await fixture.App.AddMemberAsync(fixture.A, person, TenantRole.Viewer);
        var caller = fixture.App.As(person);

        await Put(caller, "spike");
        await Put(caller, "spike");
        await Put(caller);

        var entries = (await fixture.App.As(fixture.Admin).GetJsonAsync($"api/v1/audit?action={AuditActions.SubscriptionChanged}&actor={person.Email}"))
            .GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("details").GetString()).ShouldBe(["topics=spike -> none", "topics=none -> spike"]);
        entries.ShouldAllBe(e => e.GetProperty("tenant").GetString() == "notify-a" && e.GetProperty("targetName").GetString() == "notify-a");
    }

    private static async Task Put(WebCaller caller, params string[] topics)
    {
        using var response = await caller.PutJsonAsync("api/v1/me/subscriptions/notify-a", new { topics });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static List<string?> Topics(JsonElement subscription) =>
        subscription.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ToList();
}
