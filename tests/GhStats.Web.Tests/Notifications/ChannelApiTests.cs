using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Notifications;

/// <summary>
/// A tenant's notification channels through the API: owners add, list and delete them; a webhook's signing secret is
/// shown once and a URL never again (not in any answer, the audit log, the logs or the database in clear); input is
/// checked field by field; the delivery log pages; the test action says plainly when the host sends no notifications.
/// </summary>
public sealed class ChannelApiTests(NotificationApp fixture) : IClassFixture<NotificationApp>
{
    private const string SecretPath = "p4th-s3cret-k42";
    private const string SecretQuery = "q5ery-k43";
    private const string SlackSecret = "sl4ck-s3cret-k44";

    private WebCaller OwnerOfA => fixture.App.As(fixture.OwnerOfA);

    [Fact]
    public async Task AWebhooksSigningSecret_IsShownOnce_AndNoReadHoldsItOrTheUrl()
    {
        var name = $"hook-{fixture.Next()}";
        var created = await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels", new
        {
            name,
            kind = "webhook",
            topics = new[] { "digest", "trouble" },
            url = $"https://hooks.example.net/ghstats/{SecretPath}?key={SecretQuery}",
        }, HttpStatusCode.Created);
        var slack = await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels", new
        {
            name = $"slack-{fixture.Next()}",
            kind = "slack",
            topics = new[] { "spike" },
            url = $"https://hooks.slack.com/services/T0/B0/{SlackSecret}",
        }, HttpStatusCode.Created);

        var secret = created.GetProperty("signingSecret").GetString().ShouldNotBeNull();
        secret.ShouldStartWith("whsec_");
        Base64Url.DecodeFromChars(secret.AsSpan("whsec_".Length)).Length.ShouldBe(32);
        created.GetProperty("target").GetString().ShouldBe("hooks.example.net");
        created.GetProperty("kind").GetString().ShouldBe("webhook");
        created.GetProperty("topics").EnumerateArray().Select(t => t.GetString()).ShouldBe(["digest", "trouble"]);
        slack.GetProperty("signingSecret").ValueKind.ShouldBe(JsonValueKind.Null);
        slack.GetProperty("target").GetString().ShouldBe("hooks.slack.com");
        var id = created.GetProperty("id").GetInt64();
        await fixture.DeliverAsync(fixture.A, id, "HTTP 500", "HTTP 200");

        var admin = fixture.App.As(fixture.Admin);
        var bodies = new List<string>();
        foreach (var (caller, path) in new[]
        {
            (OwnerOfA, "api/v1/tenants/notify-a/channels"), (OwnerOfA, $"api/v1/tenants/notify-a/channels/{id}/deliveries"),
            (OwnerOfA, "api/v1/tenants/notify-a/deliveries"), (OwnerOfA, "api/v1/tenants/notify-a/audit"), (admin, "api/v1/audit"),
            (admin, "api/v1/audit.csv"), (admin, "openapi/ghstats.json"),
        })
        {
            using var response = await caller.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
            bodies.Add(body);
        }

        bodies[0].ShouldContain(name);
        bodies[0].ShouldContain("hooks.example.net");
        bodies[3].ShouldContain(AuditActions.ChannelCreated);
        foreach (var forbidden in new[] { secret, SecretPath, SecretQuery, SlackSecret })
        {
            bodies.ShouldAllBe(body => !body.Contains(forbidden, StringComparison.Ordinal), forbidden);
            fixture.App.Logs.Entries.ShouldAllBe(e => !e.Message.Contains(forbidden, StringComparison.Ordinal), forbidden);
            DatabaseText().ShouldNotContain(forbidden);
        }

        var listed = JsonDocument.Parse(bodies[0]).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == id);
        listed.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "name", "kind", "topics", "target", "createdAt", "createdBy", "language"], ignoreOrder: true);
        listed.GetProperty("createdBy").GetString().ShouldBe(fixture.OwnerOfA.Email);
    }

    [Fact]
    public async Task AnEmailChannel_ShowsItsRecipients_AndHasNoSecret()
    {
        var created = await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels", new
        {
            name = $"mail-{fixture.Next()}",
            kind = "email",
            topics = new[] { "digest" },
            recipients = new[] { "ops@notify.example", " team@notify.example ", "OPS@notify.example" },
        }, HttpStatusCode.Created);

        created.GetProperty("target").GetString().ShouldBe("ops@notify.example, team@notify.example");
        created.GetProperty("signingSecret").ValueKind.ShouldBe(JsonValueKind.Null);
        var stored = await fixture.Store.GetChannelAsync(fixture.A.Id, created.GetProperty("id").GetInt64());
        stored.ProtectedSecret.ShouldBeNull();
        stored.Kind.ShouldBe(NotificationChannelKind.Email);
        stored.Topics.ShouldBe(NotificationTopics.Digest);
    }

    [Theory]
    [InlineData("name", """{"kind":"webhook","topics":["digest"],"url":"https://example.com/h"}""")]
    [InlineData("name", """{"name":"   ","kind":"webhook","topics":["digest"],"url":"https://example.com/h"}""")]
    [InlineData("name", """{"name":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","kind":"webhook","topics":["digest"],"url":"https://example.com/h"}""")]
    [InlineData("kind", """{"name":"n","kind":"sms","topics":["digest"],"url":"https://example.com/h"}""")]
    [InlineData("topics", """{"name":"n","kind":"webhook","topics":[],"url":"https://example.com/h"}""")]
    [InlineData("topics", """{"name":"n","kind":"webhook","url":"https://example.com/h"}""")]
    [InlineData("topics", """{"name":"n","kind":"webhook","topics":["weekly"],"url":"https://example.com/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"]}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"example.com/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"http://example.com/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"ftp://example.com/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"https://me:pw@example.com/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"https://127.0.0.1/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"https://[::1]/h"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"https://169.254.169.254/latest"}""")]
    [InlineData("url", """{"name":"n","kind":"webhook","topics":["digest"],"url":"https://localhost/h"}""")]
    [InlineData("url", """{"name":"n","kind":"slack","topics":["digest"],"url":"https://example.com/services/T/B/x"}""")]
    [InlineData("recipients", """{"name":"n","kind":"email","topics":["digest"]}""")]
    [InlineData("recipients", """{"name":"n","kind":"email","topics":["digest"],"recipients":[]}""")]
    [InlineData("recipients", """{"name":"n","kind":"email","topics":["digest"],"recipients":["not-an-address"]}""")]
    [InlineData("recipients", """{"name":"n","kind":"email","topics":["digest"],"recipients":["a@x.example","b@x.example","c@x.example","d@x.example","e@x.example","f@x.example","g@x.example","h@x.example","i@x.example","j@x.example","k@x.example","l@x.example","m@x.example","n@x.example","o@x.example","p@x.example","q@x.example","r@x.example","s@x.example","t@x.example","u@x.example"]}""")]
    public async Task ABadChannel_IsRefused_NamingTheField(string field, string json)
    {
        var before = (await fixture.Store.ListChannelsAsync(fixture.A.Id)).Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/tenants/notify-a/channels")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await OwnerOfA.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field], body);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain("me:pw");
        (await fixture.Store.ListChannelsAsync(fixture.A.Id)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task ASecondChannelWithTheSameName_IsAConflict()
    {
        var name = $"twice-{fixture.Next()}";
        var body = new { name, kind = "webhook", topics = new[] { "digest" }, url = "https://example.com/hook" };
        await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels", body, HttpStatusCode.Created);

        using var again = await OwnerOfA.PostJsonAsync("api/v1/tenants/notify-a/channels", body);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, await again.Content.ReadAsStringAsync());
        // The same name in another tenant is another channel.
        await fixture.App.As(fixture.OwnerOfB).PostJsonExpectingAsync("api/v1/tenants/notify-b/channels", body, HttpStatusCode.Created);
    }

    [Fact]
    public async Task DeletingAChannel_RemovesIt_AndKeepsItsDeliveryLog()
    {
        var created = await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels",
            new { name = $"doomed-{fixture.Next()}", kind = "webhook", topics = new[] { "spike" }, url = "https://example.com/doomed" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var lines = await fixture.DeliverAsync(fixture.A, id, "HTTP 200");

        using (var deleted = await OwnerOfA.DeleteAsync($"api/v1/tenants/notify-a/channels/{id}"))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        (await OwnerOfA.GetJsonAsync("api/v1/tenants/notify-a/channels")).EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetInt64() == id);
        var log = await OwnerOfA.GetJsonAsync("api/v1/tenants/notify-a/deliveries?limit=500");
        var line = log.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("id").GetInt64() == lines[0].Id);
        line.GetProperty("channelId").GetInt64().ShouldBe(id);
        line.GetProperty("channelName").ValueKind.ShouldBe(JsonValueKind.Null);
        using var again = await OwnerOfA.DeleteAsync($"api/v1/tenants/notify-a/channels/{id}");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherTenantsChannel_IsNotFound_EvenForItsIdUnderTheCallersTenant()
    {
        var ofB = await fixture.App.As(fixture.OwnerOfB).PostJsonExpectingAsync("api/v1/tenants/notify-b/channels",
            new { name = $"b-only-{fixture.Next()}", kind = "webhook", topics = new[] { "spike" }, url = "https://example.com/b" }, HttpStatusCode.Created);
        var id = ofB.GetProperty("id").GetInt64();

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Delete, $"api/v1/tenants/notify-a/channels/{id}"),
            new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/notify-a/channels/{id}/test"),
            new HttpRequestMessage(HttpMethod.Get, $"api/v1/tenants/notify-a/channels/{id}/deliveries"),
        })
        {
            using var response = await OwnerOfA.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{request.Method} {request.RequestUri}");
        }

        (await fixture.Store.GetChannelAsync(fixture.B.Id, id)).Id.ShouldBe(id);
    }

    [Fact]
    public async Task TheDeliveryLog_PagesNewestFirst_AndOneChannelsLogHoldsOnlyItsLines()
    {
        var first = (await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels",
            new { name = $"paged-{fixture.Next()}", kind = "webhook", topics = new[] { "digest" }, url = "https://example.com/p1" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var second = (await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels",
            new { name = $"other-{fixture.Next()}", kind = "webhook", topics = new[] { "digest" }, url = "https://example.com/p2" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var lines = await fixture.DeliverAsync(fixture.A, first, "timed out", "HTTP 502", "HTTP 204");
        await fixture.DeliverAsync(fixture.A, second, "HTTP 200");

        var page1 = await OwnerOfA.GetJsonAsync($"api/v1/tenants/notify-a/channels/{first}/deliveries?limit=2");
        var ids1 = page1.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        var page2 = await OwnerOfA.GetJsonAsync($"api/v1/tenants/notify-a/channels/{first}/deliveries?limit=2&before={page1.GetProperty("nextBefore").GetInt64()}");
        var rows2 = page2.GetProperty("deliveries").EnumerateArray().ToList();

        ids1.ShouldBe([lines[2].Id, lines[1].Id]);
        rows2.Select(d => d.GetProperty("id").GetInt64()).ShouldBe([lines[0].Id]);
        page2.GetProperty("nextBefore").ValueKind.ShouldBe(JsonValueKind.Null);
        var oldest = rows2[0];
        oldest.GetProperty("outcome").GetString().ShouldBe("timed out");
        oldest.GetProperty("attempt").GetInt32().ShouldBe(1);
        oldest.GetProperty("succeeded").GetBoolean().ShouldBeFalse();
        oldest.GetProperty("willRetry").GetBoolean().ShouldBeTrue();
        oldest.GetProperty("event").GetString().ShouldBe(NotificationEventKinds.Test);
        var all = await OwnerOfA.GetJsonAsync("api/v1/tenants/notify-a/deliveries?limit=500");
        all.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("channelId").GetInt64()).ShouldContain(second);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("limit=ten")]
    [InlineData("before=-3")]
    [InlineData("before=x")]
    public async Task ABadPageQuery_IsRefused(string query)
    {
        using var response = await OwnerOfA.GetAsync($"api/v1/tenants/notify-a/deliveries?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheTestAction_WithoutAddNotifications_SaysSo_AndRecordsNothing()
    {
        var id = (await OwnerOfA.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels",
            new { name = $"untested-{fixture.Next()}", kind = "webhook", topics = new[] { "digest" }, url = "https://example.com/t" }, HttpStatusCode.Created)).GetProperty("id").GetInt64();

        using var response = await OwnerOfA.PostJsonAsync($"api/v1/tenants/notify-a/channels/{id}/test", new { });
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("AddNotifications()");
        (await OwnerOfA.GetJsonAsync($"api/v1/tenants/notify-a/channels/{id}/deliveries")).GetProperty("deliveries").GetArrayLength().ShouldBe(0);
        (await OwnerOfA.GetJsonAsync($"api/v1/tenants/notify-a/audit?action={AuditActions.ChannelTested}")).GetProperty("entries").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ASessionCaller_NeedsTheAntiforgeryToken_ToAddAChannel()
    {
        var session = await fixture.App.SignInAsync(fixture.OwnerOfA.Email);
        var body = new { name = $"session-{fixture.Next()}", kind = "webhook", topics = new[] { "digest" }, url = "https://example.com/s" };
        var token = session.AntiforgeryToken;
        session.AntiforgeryToken = null;
        using (var refused = await session.PostJsonAsync("api/v1/tenants/notify-a/channels", body))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Antiforgery");
        }

        session.AntiforgeryToken = token;
        await session.PostJsonExpectingAsync("api/v1/tenants/notify-a/channels", body, HttpStatusCode.Created);
    }

    [Fact]
    public async Task WhenTheOperatorAllowsPrivateAddresses_HttpAndAnyHostAreAccepted()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            AddCollector = false,
            Settings = new Dictionary<string, string?> { ["GhStats:Notifications:AllowPrivateAddresses"] = "true" },
        });
        var tenant = await app.CreateTenantAsync("private-net");
        var owner = await app.CreateUserAsync("owner@private.example");
        await app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        var caller = app.As(owner);

        var hook = await caller.PostJsonExpectingAsync("api/v1/tenants/private-net/channels",
            new { name = "loopback", kind = "webhook", topics = new[] { "digest" }, url = "http://127.0.0.1:9/hook" }, HttpStatusCode.Created);
        var slack = await caller.PostJsonExpectingAsync("api/v1/tenants/private-net/channels",
            new { name = "fake slack", kind = "slack", topics = new[] { "spike" }, url = "http://127.0.0.1:9/services/x" }, HttpStatusCode.Created);
        using var userInfo = await caller.PostJsonAsync("api/v1/tenants/private-net/channels",
            new { name = "still not", kind = "webhook", topics = new[] { "digest" }, url = "http://me:pw@127.0.0.1:9/hook" });

        hook.GetProperty("target").GetString().ShouldBe("127.0.0.1");
        slack.GetProperty("target").GetString().ShouldBe("127.0.0.1");
        userInfo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>Every value of the notification channels table, as text.</summary>
    private string DatabaseText()
    {
        using var connection = fixture.App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM notification_channels";
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var column = 0; column < reader.FieldCount; column++)
            {
                text.Append(reader.IsDBNull(column) ? "" : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    }
}
