using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Audit;

/// <summary>
/// The audit log through the real endpoints: every completed change is recorded once with who, where and what, no
/// secret reaches it, admins read all of it and owners their tenant's, and nothing in the product changes an entry.
/// </summary>
public sealed class AuditLogTests(AuditApp fixture) : IClassFixture<AuditApp>
{
    private const string PostedGitHubToken = "ghp_auditPostedSecretToken0123456789";
    private const string PostedWebhookPath = "audit-hook-s3cret-path";
    private const string PostedWebhookUrl = "https://hooks.audit.example/" + PostedWebhookPath;

    /// <summary>One audited change: how to make it through the API, and what its entry must say.</summary>
    public sealed record AuditCase(string Action, Func<AuditLogTests, Task<Expected>> Act)
    {
        public override string ToString() => Action;
    }

    /// <summary>What the entry says: the tenant (null for installation-level), the target's name, who did it.</summary>
    public sealed record Expected(long? TenantId, string? TargetName, string Actor, string? Action = null);

    private static readonly AuditCase[] Cases =
    [
        new(AuditActions.TenantCreated, async t =>
        {
            var slug = $"made-{t.Fixture.Next()}";
            await t.Send(t.Admin, HttpMethod.Post, "api/v1/tenants", new { slug, name = "Made" }, HttpStatusCode.Created);
            var made = await t.Fixture.App.Get<ITenantStore>().FindBySlugAsync(slug);
            return new(made!.Id, slug, ViaToken(t.Fixture.Admin));
        }),
        new(AuditActions.TenantRenamed, async t =>
        {
            await t.Send(t.OwnerOfA, HttpMethod.Put, "api/v1/tenants/audit-a", new { name = $"Audit A {t.Fixture.Next()}" }, HttpStatusCode.OK);
            return new(t.Fixture.A.Id, "audit-a", ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.TenantDeleted, async t =>
        {
            var doomed = await t.Fixture.App.CreateTenantAsync($"doomed-{t.Fixture.Next()}");
            await t.Send(t.Admin, HttpMethod.Delete, $"api/v1/tenants/{doomed.Slug}", null, HttpStatusCode.NoContent);
            return new(doomed.Id, doomed.Slug, ViaToken(t.Fixture.Admin));
        }),
        new(AuditActions.MemberAdded, async t =>
        {
            // An email with a profile: a member at once, or (where the product invites every email new to the tenant) an invitation.
            var person = await t.Fixture.App.CreateUserAsync($"joiner-{t.Fixture.Next()}@audit.example");
            var answer = await t.Send(t.OwnerOfA, HttpMethod.Put, $"api/v1/tenants/audit-a/members/{person.Email}", new { role = "viewer" }, HttpStatusCode.OK);
            var action = answer.GetProperty("status").GetString() == "member" ? AuditActions.MemberAdded : AuditActions.InvitationCreated;
            return new(t.Fixture.A.Id, person.Email, ViaToken(t.Fixture.OwnerOfA), action);
        }),
        new(AuditActions.MemberRoleChanged, async t =>
        {
            var person = await t.Fixture.App.CreateUserAsync($"promoted-{t.Fixture.Next()}@audit.example");
            await t.Fixture.App.AddMemberAsync(t.Fixture.A, person, TenantRole.Viewer);
            await t.Send(t.OwnerOfA, HttpMethod.Put, $"api/v1/tenants/audit-a/members/{person.Email}", new { role = "owner" }, HttpStatusCode.OK);
            return new(t.Fixture.A.Id, person.Email, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.MemberRemoved, async t =>
        {
            var person = await t.Fixture.App.CreateUserAsync($"leaver-{t.Fixture.Next()}@audit.example");
            await t.Fixture.App.AddMemberAsync(t.Fixture.A, person, TenantRole.Viewer);
            await t.Send(t.OwnerOfA, HttpMethod.Delete, $"api/v1/tenants/audit-a/members/{person.Email}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.A.Id, person.Email, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.InvitationCreated, async t =>
        {
            var email = $"invitee-{t.Fixture.Next()}@audit.example";
            await t.Send(t.OwnerOfA, HttpMethod.Put, $"api/v1/tenants/audit-a/members/{email}", new { role = "viewer" }, HttpStatusCode.OK);
            return new(t.Fixture.A.Id, email, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.InvitationRevoked, async t =>
        {
            var email = $"uninvited-{t.Fixture.Next()}@audit.example";
            await t.Fixture.App.Get<IMembershipStore>().InviteAsync(t.Fixture.A.Id, email, TenantRole.Viewer);
            await t.Send(t.OwnerOfA, HttpMethod.Delete, $"api/v1/tenants/audit-a/members/{email}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.A.Id, email, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.InvitationAccepted, async t =>
        {
            var email = $"accepter-{t.Fixture.Next()}@audit.example";
            await t.Fixture.App.Get<IMembershipStore>().InviteAsync(t.Fixture.A.Id, email, TenantRole.Viewer);
            await t.Fixture.App.SignInAsync(email);
            return new(t.Fixture.A.Id, email, email);
        }),
        new(AuditActions.ConnectionCreated, async t =>
        {
            var name = $"audited-conn-{t.Fixture.Next()}";
            await t.Send(t.OwnerOfA, HttpMethod.Post, "api/v1/tenants/audit-a/connections", new { name, kind = "pat", token = PostedGitHubToken }, HttpStatusCode.Created);
            return new(t.Fixture.A.Id, name, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.ConnectionDeleted, async t =>
        {
            var connection = await t.Fixture.App.AddConnectionAsync(t.Fixture.A, $"doomed-conn-{t.Fixture.Next()}", "https://api.github.com", "ghp_auditStoredSecret");
            await t.Send(t.OwnerOfA, HttpMethod.Delete, $"api/v1/tenants/audit-a/connections/{connection.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.A.Id, null, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.TokenCreated, async t =>
        {
            var session = await t.Fixture.App.SignInAsync(t.Fixture.OwnerOfB.Email);
            var name = $"audited-token-{t.Fixture.Next()}";
            var created = await t.Send(session, HttpMethod.Post, "api/v1/me/tokens", new { name, expiresInDays = 3 }, HttpStatusCode.Created);
            t._issuedSecrets.Add(created.GetProperty("token").GetString()!);
            return new(null, name, t.Fixture.OwnerOfB.Email);
        }),
        new(AuditActions.TokenRevoked, async t =>
        {
            var issued = await t.Fixture.App.Administration.CreateApiTokenAsync(t.Fixture.OwnerOfB.Id, "to revoke", 1);
            t._issuedSecrets.Add(issued.Secret);
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/me/tokens/{issued.Token.Id}", null, HttpStatusCode.NoContent);
            return new(null, null, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.RepositoryTracked, async t =>
        {
            var fullName = $"audit-org/tracked-{t.Fixture.Next()}";
            await t.Send(t.OwnerOfB, HttpMethod.Post, "api/v1/repos", new { tenant = "audit-b", fullName }, HttpStatusCode.Created);
            return new(t.Fixture.B.Id, fullName, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.RepositoryUntracked, async t =>
        {
            var repository = await t.Fixture.App.TrackAsync(t.Fixture.B, "audit-org", $"untracked-{t.Fixture.Next()}");
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/repos/{repository.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.B.Id, repository.FullName, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.RepositoryPurged, async t =>
        {
            var repository = await t.Fixture.App.TrackAsync(t.Fixture.B, "audit-org", $"purged-{t.Fixture.Next()}");
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/repos/{repository.Id}?purge=true", null, HttpStatusCode.NoContent);
            return new(t.Fixture.B.Id, repository.FullName, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.RepositoryBadgesChanged, async t =>
        {
            var repository = await t.Fixture.App.TrackAsync(t.Fixture.B, "audit-org", $"badges-{t.Fixture.Next()}");
            await t.Send(t.OwnerOfB, HttpMethod.Put, $"api/v1/repos/{repository.Id}/badges", new { enabled = true }, HttpStatusCode.OK);
            return new(t.Fixture.B.Id, repository.FullName, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.AnnotationCreated, async t =>
        {
            var text = $"Audited note {t.Fixture.Next()}";
            await t.Send(t.OwnerOfB, HttpMethod.Post, "api/v1/tenants/audit-b/annotations", new { date = "2024-05-06", text }, HttpStatusCode.Created);
            return new(t.Fixture.B.Id, $"2024-05-06 {text}", ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.AnnotationDeleted, async t =>
        {
            var note = await t.Fixture.App.Get<IAnnotationStore>().AddAsync(new NewAnnotation(t.Fixture.B.Id, null, new DateOnly(2024, 5, 7), $"Doomed note {t.Fixture.Next()}", null, "seed"));
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/tenants/audit-b/annotations/{note.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.B.Id, $"2024-05-07 {note.Text}", ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.DashboardCreated, async t =>
        {
            var repository = await t.Fixture.App.TrackAsync(t.Fixture.B, "audit-org", $"public-{t.Fixture.Next()}");
            var title = $"Audited dashboard {t.Fixture.Next()}";
            await t.Send(t.OwnerOfB, HttpMethod.Post, "api/v1/tenants/audit-b/dashboards", new { title, repositoryIds = new[] { repository.Id } }, HttpStatusCode.Created);
            return new(t.Fixture.B.Id, title, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.DashboardChanged, async t =>
        {
            var (dashboard, repository) = await NewDashboardAsync(t);
            await t.Send(t.OwnerOfB, HttpMethod.Put, $"api/v1/tenants/audit-b/dashboards/{dashboard.Id}", new { title = "Changed title", repositoryIds = new[] { repository.Id } }, HttpStatusCode.OK);
            return new(t.Fixture.B.Id, "Changed title", ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.DashboardUnpublished, async t =>
        {
            var (dashboard, _) = await NewDashboardAsync(t);
            await t.Send(t.OwnerOfB, HttpMethod.Put, $"api/v1/tenants/audit-b/dashboards/{dashboard.Id}/published", new { published = false }, HttpStatusCode.OK);
            return new(t.Fixture.B.Id, dashboard.Title, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.DashboardPublished, async t =>
        {
            var (dashboard, _) = await NewDashboardAsync(t);
            await t.Send(t.OwnerOfB, HttpMethod.Put, $"api/v1/tenants/audit-b/dashboards/{dashboard.Id}/published", new { published = true }, HttpStatusCode.OK);
            return new(t.Fixture.B.Id, dashboard.Title, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.DashboardDeleted, async t =>
        {
            var (dashboard, _) = await NewDashboardAsync(t);
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/tenants/audit-b/dashboards/{dashboard.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.B.Id, null, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.OwnerTracked, async t =>
        {
            var owner = $"audit-owner-{t.Fixture.Next()}";
            await t.Send(t.OwnerOfB, HttpMethod.Post, "api/v1/tenants/audit-b/owners", new { owner, include = "api-*" }, HttpStatusCode.Created);
            return new(t.Fixture.B.Id, owner, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.OwnerUntracked, async t =>
        {
            var owner = await t.Fixture.App.Get<ITrackedOwnerStore>().AddAsync(new NewTrackedOwner(t.Fixture.B.Id, $"gone-owner-{t.Fixture.Next()}"));
            await t.Send(t.OwnerOfB, HttpMethod.Delete, $"api/v1/tenants/audit-b/owners/{owner.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.B.Id, null, ViaToken(t.Fixture.OwnerOfB));
        }),
        new(AuditActions.ChannelCreated, async t =>
        {
            var name = $"audited-channel-{t.Fixture.Next()}";
            var created = await t.Send(t.OwnerOfA, HttpMethod.Post, "api/v1/tenants/audit-a/channels",
                new { name, kind = "webhook", topics = new[] { "digest" }, url = PostedWebhookUrl }, HttpStatusCode.Created);
            t._issuedSecrets.Add(created.GetProperty("signingSecret").GetString()!);
            return new(t.Fixture.A.Id, name, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.ChannelDeleted, async t =>
        {
            var name = $"doomed-channel-{t.Fixture.Next()}";
            var channel = await t.Fixture.App.Get<INotificationStore>().AddChannelAsync(
                new NewNotificationChannel(t.Fixture.A.Id, name, NotificationChannelKind.Email, NotificationTopics.Trouble, "ops@audit.example", null, "seed"));
            await t.Send(t.OwnerOfA, HttpMethod.Delete, $"api/v1/tenants/audit-a/channels/{channel.Id}", null, HttpStatusCode.NoContent);
            return new(t.Fixture.A.Id, name, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.ChannelTested, async t =>
        {
            var name = $"tested-channel-{t.Fixture.Next()}";
            var signingSecret = $"whsec_audit{t.Fixture.Next()}";
            t._issuedSecrets.Add(signingSecret);
            var secret = t.Fixture.App.Get<ISecretProtector>().Protect(new NotificationChannelSecret(new Uri(t.Fixture.Receiver.Address, PostedWebhookPath).ToString(), signingSecret).ToJson());
            var channel = await t.Fixture.App.Get<INotificationStore>().AddChannelAsync(
                new NewNotificationChannel(t.Fixture.A.Id, name, NotificationChannelKind.Webhook, NotificationTopics.Digest, null, secret, "seed"));
            var line = await t.Send(t.OwnerOfA, HttpMethod.Post, $"api/v1/tenants/audit-a/channels/{channel.Id}/test", new { }, HttpStatusCode.OK);
            line.GetProperty("succeeded").GetBoolean().ShouldBeTrue(line.ToString());
            return new(t.Fixture.A.Id, name, ViaToken(t.Fixture.OwnerOfA));
        }),
        new(AuditActions.SubscriptionChanged, async t =>
        {
            var person = await t.Fixture.App.CreateUserAsync($"subscriber-{t.Fixture.Next()}@audit.example");
            await t.Fixture.App.AddMemberAsync(t.Fixture.A, person, TenantRole.Viewer);
            await t.Send(t.Fixture.App.As(person), HttpMethod.Put, "api/v1/me/subscriptions/audit-a", new { topics = new[] { "digest" } }, HttpStatusCode.OK);
            return new(t.Fixture.A.Id, "audit-a", ViaToken(person));
        }),
        new(AuditActions.LanguageChanged, async t =>
        {
            var person = await t.Fixture.App.CreateUserAsync($"speaker-{t.Fixture.Next()}@audit.example");
            await t.Send(t.Fixture.App.As(person), HttpMethod.Put, "api/v1/me/language", new { language = "de" }, HttpStatusCode.OK);
            return new(null, person.Email, ViaToken(person));
        }),
        new(AuditActions.CollectionStarted + " (manual)", async t =>
        {
            await t.Send(t.Fixture.App.As(t.Fixture.Maintainer), HttpMethod.Post, "api/v1/collect", new { tenant = "audit-a" }, HttpStatusCode.Accepted);
            return new(t.Fixture.A.Id, null, ViaToken(t.Fixture.Maintainer), AuditActions.CollectionStarted);
        }),
        new(AuditActions.CollectionStarted + " (cron)", async t =>
        {
            await t.Send(t.Fixture.App.WithToken(AuditApp.CronSecret), HttpMethod.Post, "api/v1/collect", null, HttpStatusCode.Accepted);
            return new(null, null, "cron", AuditActions.CollectionStarted);
        }),
    ];

    private readonly List<string> _issuedSecrets = [];

    public static TheoryData<string> Actions() => [.. Cases.Select(c => c.Action)];

    private AuditApp Fixture => fixture;

    /// <summary>How the log names a person acting with their personal API token.</summary>
    private static string ViaToken(SeededUser user) => $"{user.Email} (API token {user.TokenId})";

    private WebCaller Admin => fixture.App.As(fixture.Admin);

    private WebCaller OwnerOfA => fixture.App.As(fixture.OwnerOfA);

    private WebCaller OwnerOfB => fixture.App.As(fixture.OwnerOfB);

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task EachChange_IsRecordedOnce_WithItsActorTenantAndTarget(string name)
    {
        var change = Cases.Single(c => c.Action == name);
        var before = await NewestIdAsync();

        var expected = await change.Act(this);

        var action = expected.Action ?? change.Action;
        var entries = (await EntriesAsync("api/v1/audit?limit=200")).Where(e => e.GetProperty("id").GetInt64() > before).ToList();
        var entry = entries.Where(e => e.GetProperty("action").GetString() == action).ShouldHaveSingleItem(string.Join("\n", entries));
        entries.Count.ShouldBe(1, $"{name} recorded more than its own entry: {string.Join("\n", entries)}");
        TenantIdOf(entry).ShouldBe(expected.TenantId);
        entry.GetProperty("actor").GetString().ShouldBe(expected.Actor);
        if (expected.TargetName is not null)
        {
            entry.GetProperty("targetName").GetString().ShouldBe(expected.TargetName);
        }

        entry.GetProperty("clientAddress").GetString().ShouldBe("127.0.0.1");
        DateTimeOffset.Parse(entry.GetProperty("occurredAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        await ShouldHoldNoSecretAsync();
    }

    private static async Task<(PublicDashboard Dashboard, TrackedRepository Repository)> NewDashboardAsync(AuditLogTests t)
    {
        var repository = await t.Fixture.App.TrackAsync(t.Fixture.B, "audit-org", $"public-{t.Fixture.Next()}");
        var dashboard = await t.Fixture.App.Get<IPublicDashboardStore>().CreateAsync(t.Fixture.B.Id, $"audit{t.Fixture.Next()}",
            new PublicDashboardSettings($"Dashboard {t.Fixture.Next()}", [repository.Id]));
        return (dashboard, repository);
    }

    [Fact]
    public void TheCases_CoverEveryActionTheProductRecords()
    {
        // An import has no web route yet: the host's import command records it, and GhStats.Transfer.Tests checks that entry.
        var recorded = typeof(AuditActions).GetFields().Select(f => (string)f.GetRawConstantValue()!).Where(a => a != AuditActions.TrafficImported);
        Cases.Select(c => c.Action.Split(' ')[0]).Distinct().ShouldBe(recorded, ignoreOrder: true);
    }

    [Fact]
    public async Task ARefusedChange_IsNotRecorded()
    {
        var before = await NewestIdAsync();

        using var refused = await fixture.App.As(fixture.ViewerOfA).PutJsonAsync("api/v1/tenants/audit-a", new { name = "Hijacked" });
        using var invalid = await OwnerOfA.PostJsonAsync("api/v1/repos", new { tenant = "audit-a", fullName = "not a name" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await NewestIdAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnAdmin_ReadsEveryTenantsEntries_AndAnOwnerOnlyTheirTenants()
    {
        await OwnerOfA.PutJsonAsync("api/v1/tenants/audit-a", new { name = "Audit A seen" });
        await OwnerOfB.PutJsonAsync("api/v1/tenants/audit-b", new { name = "Audit B seen" });

        var all = await EntriesAsync("api/v1/audit?limit=200");
        var ofA = await EntriesAsync("api/v1/tenants/audit-a/audit?limit=200", OwnerOfA);
        var adminOfB = await EntriesAsync("api/v1/tenants/audit-b/audit?limit=200", Admin);
        var adminFilteredToA = await EntriesAsync("api/v1/audit?tenant=audit-a&limit=200", Admin);

        all.Select(TenantIdOf).ShouldContain(fixture.A.Id);
        all.Select(TenantIdOf).ShouldContain(fixture.B.Id);
        ofA.ShouldNotBeEmpty();
        ofA.ShouldAllBe(e => TenantIdOf(e) == fixture.A.Id);
        ofA.ShouldAllBe(e => e.GetProperty("tenant").GetString() == "audit-a");
        adminOfB.ShouldAllBe(e => TenantIdOf(e) == fixture.B.Id);
        adminFilteredToA.Select(e => e.GetProperty("id").GetInt64()).ShouldBe(ofA.Select(e => e.GetProperty("id").GetInt64()));

        // People's addresses are for the installation's admins.
        ofA.ShouldAllBe(e => e.GetProperty("clientAddress").ValueKind == JsonValueKind.Null);
        adminFilteredToA.ShouldAllBe(e => e.GetProperty("clientAddress").GetString() == "127.0.0.1");
    }

    [Theory]
    [InlineData("api/v1/audit", "anonymous", 401)]
    [InlineData("api/v1/audit", "maintainer", 403)]
    [InlineData("api/v1/audit", "owner-a", 403)]
    [InlineData("api/v1/audit", "viewer-a", 403)]
    [InlineData("api/v1/audit.csv", "owner-a", 403)]
    [InlineData("api/v1/tenants/audit-a/audit", "anonymous", 401)]
    [InlineData("api/v1/tenants/audit-a/audit", "viewer-a", 403)]
    [InlineData("api/v1/tenants/audit-a/audit", "maintainer", 404)]
    [InlineData("api/v1/tenants/audit-a/audit", "owner-b", 404)]
    [InlineData("api/v1/tenants/audit-a/audit.csv", "owner-b", 404)]
    [InlineData("api/v1/tenants/audit-a/audit.csv", "viewer-a", 403)]
    [InlineData("api/v1/tenants/audit-a/audit", "owner-a", 200)]
    [InlineData("api/v1/tenants/audit-a/audit", "admin", 200)]
    [InlineData("api/v1/audit", "admin", 200)]
    public async Task OnlyAdminsAndTheTenantsOwners_ReadItsLog(string path, string caller, int status)
    {
        var who = caller switch
        {
            "anonymous" => fixture.App.Anonymous(),
            "maintainer" => fixture.App.As(fixture.Maintainer),
            "owner-a" => OwnerOfA,
            "viewer-a" => fixture.App.As(fixture.ViewerOfA),
            "owner-b" => OwnerOfB,
            _ => Admin,
        };

        using var response = await who.GetAsync(path);

        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync());
        if (status >= 400)
        {
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Fact]
    public async Task TheLog_PagesNewestFirst_AndFiltersByActionActorAndDay()
    {
        for (var i = 0; i < 3; i++)
        {
            await Send(OwnerOfA, HttpMethod.Post, "api/v1/tenants/audit-a/owners", new { owner = $"paged-owner-{fixture.Next()}" }, HttpStatusCode.Created);
        }

        var first = await OwnerOfA.GetJsonAsync("api/v1/tenants/audit-a/audit?limit=2&action=owner.tracked");
        var page1 = first.GetProperty("entries").EnumerateArray().ToList();
        var next = first.GetProperty("nextBefore").GetInt64();
        var page2 = (await OwnerOfA.GetJsonAsync($"api/v1/tenants/audit-a/audit?limit=2&action=owner.tracked&before={next}")).GetProperty("entries").EnumerateArray().ToList();

        page1.Count.ShouldBe(2);
        page2.ShouldNotBeEmpty();
        var ids = page1.Concat(page2).Select(e => e.GetProperty("id").GetInt64()).ToList();
        ids.ShouldBe(ids.OrderDescending());
        ids.Distinct().Count().ShouldBe(ids.Count);
        page1.Concat(page2).ShouldAllBe(e => e.GetProperty("action").GetString() == "owner.tracked");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await EntriesAsync($"api/v1/tenants/audit-a/audit?from={today}&to={today}&actor=OWNER-A@", OwnerOfA)).ShouldNotBeEmpty();
        (await EntriesAsync($"api/v1/tenants/audit-a/audit?from={tomorrow}", OwnerOfA)).ShouldBeEmpty();
        (await EntriesAsync("api/v1/tenants/audit-a/audit?actor=nobody-at-all", OwnerOfA)).ShouldBeEmpty();
        (await EntriesAsync("api/v1/tenants/audit-a/audit?action=owner.", OwnerOfA)).ShouldAllBe(e => e.GetProperty("action").GetString()!.StartsWith("owner.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=ten")]
    [InlineData("before=x")]
    [InlineData("from=2024-13-01")]
    [InlineData("to=yesterday")]
    [InlineData("from=2024-05-02&to=2024-05-01")]
    public async Task BadQueries_AreRefusedWithAProblem(string query)
    {
        using var response = await OwnerOfA.GetAsync($"api/v1/tenants/audit-a/audit?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task TheCsvExport_HoldsTheTenantsEntries_AndDefusesFormulas()
    {
        var name = $"=HYPERLINK(\"https://evil.example\",\"x{fixture.Next()}\")";
        await Send(OwnerOfA, HttpMethod.Post, "api/v1/tenants/audit-a/connections", new { name, kind = "pat", token = PostedGitHubToken }, HttpStatusCode.Created);

        using var response = await OwnerOfA.GetAsync("api/v1/tenants/audit-a/audit.csv");
        var csv = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK, csv);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition?.FileName.ShouldNotBeNull().ShouldContain("audit-a");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,occurred_at,tenant,actor_kind,actor,action,target_kind,target_id,target_name,details,client_address");
        lines.Skip(1).ShouldAllBe(line => line.Contains(",audit-a,", StringComparison.Ordinal));
        csv.ShouldContain("connection.created");
        csv.ShouldNotContain(",=HYPERLINK");
        csv.ShouldNotContain(",\"=HYPERLINK");
        csv.ShouldNotContain(PostedGitHubToken);
        csv.ShouldNotContain("audit-b");

        var all = await (await Admin.GetAsync("api/v1/audit.csv")).Content.ReadAsStringAsync();
        all.ShouldContain(",audit-a,");
        all.ShouldContain("127.0.0.1");
    }

    [Fact]
    public void NoRoute_ChangesOrDeletesAnAuditEntry()
    {
        var routes = fixture.App.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(4);
        routes.SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            .ShouldAllBe(method => method == "GET");
    }

    [Theory]
    [InlineData("PUT", "api/v1/audit")]
    [InlineData("DELETE", "api/v1/audit")]
    [InlineData("POST", "api/v1/audit")]
    [InlineData("DELETE", "api/v1/audit/1")]
    [InlineData("PUT", "api/v1/audit/1")]
    [InlineData("DELETE", "api/v1/tenants/audit-a/audit")]
    public async Task AnAdmin_CannotChangeOrDeleteTheLog(string method, string path)
    {
        var before = await NewestIdAsync();

        using var response = await Admin.SendAsync(WebCaller.WithJson(new HttpMethod(method), path, new { action = "tenant.created" }));

        ((int)response.StatusCode).ShouldBeOneOf(404, 405);
        (await NewestIdAsync()).ShouldBe(before);
    }

    private async Task ShouldHoldNoSecretAsync()
    {
        var secrets = new List<string>(_issuedSecrets) { PostedGitHubToken, PostedWebhookPath, AuditApp.CronSecret, "ghp_auditStoredSecret", fixture.Admin.Token, fixture.OwnerOfA.Token, fixture.OwnerOfB.Token, fixture.Maintainer.Token };
        using var connection = fixture.App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM audit_entries";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var value = reader.IsDBNull(column) ? "" : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!;
                foreach (var secret in secrets)
                {
                    value.ShouldNotContain(secret, customMessage: reader.GetName(column));
                }
            }
        }
    }

    private async Task<JsonElement> Send(WebCaller caller, HttpMethod method, string path, object? body, HttpStatusCode status)
    {
        using var response = await caller.SendAsync(WebCaller.WithJson(method, path, body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{method} {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<List<JsonElement>> EntriesAsync(string path, WebCaller? caller = null) =>
        (await (caller ?? Admin).GetJsonAsync(path)).GetProperty("entries").EnumerateArray().ToList();

    private async Task<long> NewestIdAsync() =>
        (await EntriesAsync("api/v1/audit?limit=1")).Select(e => e.GetProperty("id").GetInt64()).DefaultIfEmpty(0).Single();

    private static long? TenantIdOf(JsonElement entry) =>
        entry.GetProperty("tenantId").ValueKind == JsonValueKind.Null ? null : entry.GetProperty("tenantId").GetInt64();
}
