using GhStats.Testing;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// <c>POST /tenants/{tenant}/connections/{id}/test</c> against the GitHub simulator: what a good token, a token without
/// push access, a wrong token, an App, and a GitHub that fails or cannot be reached look like, and that the token never
/// comes back.
/// </summary>
public sealed class ConnectionTestTests(ConnectionTestTests.CheckedApp fixture) : IClassFixture<ConnectionTestTests.CheckedApp>
{
    [Fact]
    public async Task AGoodClassicToken_IsOk_WithItsLoginScopesRateLimitAndTraffic()
    {
        var token = fixture.Simulator.AddClassicToken(["repo", "read:org"], login: "octo-cat", canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("connectionId").GetInt64().ShouldBe(connectionId);
        check.GetProperty("ok").GetBoolean().ShouldBeTrue(body);
        check.GetProperty("reachable").GetBoolean().ShouldBeTrue();
        check.GetProperty("credentialsAccepted").GetBoolean().ShouldBeTrue();
        check.GetProperty("identity").GetProperty("login").GetString().ShouldBe("octo-cat");
        check.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["repo", "read:org"]);
        var rateLimit = check.GetProperty("rateLimit");
        rateLimit.GetProperty("limit").GetInt32().ShouldBe(5000);
        rateLimit.GetProperty("remaining").GetInt32().ShouldBeInRange(4990, 5000);
        DateTimeOffset.Parse(rateLimit.GetProperty("resetsAt").GetString()!, CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        var traffic = check.GetProperty("traffic");
        traffic.GetProperty("canRead").GetBoolean().ShouldBeTrue();
        traffic.GetProperty("repository").GetString().ShouldBe("acme/site");
        traffic.GetProperty("gitHubStatus").GetInt32().ShouldBe(200);
        check.GetProperty("findings").GetArrayLength().ShouldBe(0);
        fixture.Simulator.Stats.Requests(SimulatedEndpoint.Views).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AClassicTokenWithoutTheRepoScope_CannotReadTraffic_AndTheFindingsSayWhatIsMissing()
    {
        // Its user may push to acme/site, but no scope of the token carries that right, so GitHub refuses traffic.
        var token = fixture.Simulator.AddClassicToken(["read:org"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("credentialsAccepted").GetBoolean().ShouldBeTrue();
        check.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["read:org"]);
        var traffic = check.GetProperty("traffic");
        traffic.GetProperty("canRead").GetBoolean().ShouldBeFalse();
        traffic.GetProperty("repository").GetString().ShouldBe("acme/site");
        traffic.GetProperty("gitHubStatus").GetInt32().ShouldBe(403);
        var findings = Findings(check);
        findings.ShouldContain(f => f.Contains("'read:org'", StringComparison.Ordinal) && f.Contains("neither 'repo' nor 'public_repo'", StringComparison.Ordinal), body);
        findings.ShouldContain(f => f.Contains("cannot read traffic of acme/site", StringComparison.Ordinal) && f.Contains("403", StringComparison.Ordinal)
            && f.Contains("classic token scope 'repo' or 'public_repo'", StringComparison.Ordinal), body);
    }

    [Fact]
    public async Task AFineGrainedTokenWithoutPushAccess_NamesTheRepository_AndWhatItNeeds()
    {
        var token = fixture.Simulator.AddToken();
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("identity").GetProperty("login").GetString().ShouldBe(fixture.Simulator.LoginOf(token));
        check.GetProperty("scopes").ValueKind.ShouldBe(JsonValueKind.Null, "a fine-grained token reports no scopes");
        check.GetProperty("traffic").GetProperty("canRead").GetBoolean().ShouldBeFalse();
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("The token cannot read traffic of acme/site: GitHub answered 403");
        Findings(check)[0].ShouldContain("fine-grained 'Administration: read'");
    }

    [Fact]
    public async Task AWrongToken_IsRejected_With401_AndNothingMoreIsAsked()
    {
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync("ghp_thisTokenGitHubNeverIssued0000000", "acme/site");
        var viewsBefore = fixture.Simulator.Stats.Requests(SimulatedEndpoint.Views);

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("reachable").GetBoolean().ShouldBeTrue();
        check.GetProperty("credentialsAccepted").GetBoolean().ShouldBeFalse();
        check.GetProperty("identity").ValueKind.ShouldBe(JsonValueKind.Null);
        check.GetProperty("traffic").GetProperty("canRead").ValueKind.ShouldBe(JsonValueKind.Null);
        Findings(check).ShouldHaveSingleItem(body).ShouldStartWith("Token rejected by GitHub (401): it is wrong, expired or revoked");
        fixture.Simulator.Stats.Requests(SimulatedEndpoint.Views).ShouldBe(viewsBefore);
    }

    [Fact]
    public async Task GitHubFailingWith5xx_IsUnreachable_AfterOneRetryAtMost()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");
        var before = fixture.Simulator.Stats.Requests(SimulatedEndpoint.User);
        fixture.Simulator.Faults.FailNext("/api/v3/user", 503, times: 10);
        try
        {
            var (check, body) = await fixture.TestAsync(tenant, connectionId);

            check.GetProperty("reachable").GetBoolean().ShouldBeFalse(body);
            check.GetProperty("credentialsAccepted").ValueKind.ShouldBe(JsonValueKind.Null);
            Findings(check).ShouldHaveSingleItem(body).ShouldContain("failed with 503");

            // The collector retries three times with backoff; a check has a person waiting and retries once.
            (fixture.Simulator.Stats.Requests(SimulatedEndpoint.User) - before).ShouldBe(2);
        }
        finally
        {
            fixture.Simulator.Faults.Clear();
        }
    }

    [Fact]
    public async Task AnAddressWhereNoGitHubListens_IsUnreachable()
    {
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync("ghp_unusedBecauseNothingListens", "acme/site", apiBaseUrl: fixture.DeadAddress);

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("reachable").GetBoolean().ShouldBeFalse(body);
        check.GetProperty("credentialsAccepted").ValueKind.ShouldBe(JsonValueKind.Null);
        check.GetProperty("rateLimit").ValueKind.ShouldBe(JsonValueKind.Null);
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("could not be reached");
    }

    [Fact]
    public async Task AnAddressThatIsNoGitHubApi_SaysSo()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site", apiBaseUrl: fixture.Simulator.BaseAddress + "not-github");

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("traffic").GetProperty("canRead").ValueKind.ShouldBe(JsonValueKind.Null);
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("is the API base URL a GitHub API address");
    }

    [Theory]
    [InlineData(200, "text/html; charset=utf-8")]
    [InlineData(401, "text/plain")]
    [InlineData(403, "text/html; charset=utf-8")]
    [InlineData(404, "application/xml")]
    [InlineData(500, "text/html; charset=utf-8")]
    [InlineData(503, "text/plain")]
    [InlineData(500, "application/json")]
    public async Task AServerThatAnswersWhatGitHubWouldNot_ShowsNoneOfItsBody_OnlyThatItIsNotGitHub(int status, string contentType)
    {
        // What a metadata service or an internal admin page would answer: none of it may reach the tenant.
        const string Leak = "ami-0abc-internal-instance-secret";
        var body = contentType.Contains("json", StringComparison.Ordinal)
            ? $$"""{"error":"{{Leak}}","detail":"{{Leak}}"}"""
            : $"<html><body><h1>Internal admin</h1><p>{Leak}</p><pre>AccessKeyId {Leak}</pre></body></html>";
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");
        fixture.Simulator.Misbehaviour.NotGitHubNext("/api/v3/user", status, body, contentType, times: 5);
        try
        {
            var (check, answer) = await fixture.TestAsync(tenant, connectionId);

            check.GetProperty("ok").GetBoolean().ShouldBeFalse(answer);
            answer.ShouldNotContain(Leak);
            answer.ShouldNotContain("Internal admin");
            answer.ShouldNotContain("AccessKeyId");
            Findings(check).ShouldNotBeEmpty(answer);
            Findings(check).ShouldContain(
                f => status == 401 ? f.StartsWith("Token rejected by GitHub (401)", StringComparison.Ordinal)
                    : f.Contains("did not answer as GitHub's API does", StringComparison.Ordinal) || f.Contains("is the API base URL a GitHub API address", StringComparison.Ordinal),
                answer);
            fixture.App.Logs.Entries.ShouldAllBe(e => !e.Message.Contains(Leak, StringComparison.Ordinal));
        }
        finally
        {
            fixture.Simulator.Misbehaviour.Clear();
        }
    }

    [Fact]
    public async Task AGitHubErrorAnswer_ShowsOnlyItsMessageAndDocumentationLink()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");
        fixture.Simulator.Misbehaviour.NotGitHubNext(
            "/api/v3/user", 418,
            """{"message":"Teapot maintenance","documentation_url":"https://docs.github.com/rest","internal_host":"db-7.corp.internal","stack":"at Secret.Method()"}""",
            "application/json; charset=utf-8", times: 5);
        try
        {
            var (check, answer) = await fixture.TestAsync(tenant, connectionId);

            check.GetProperty("ok").GetBoolean().ShouldBeFalse(answer);
            Findings(check).ShouldContain(f => f.Contains("GitHub says 'Teapot maintenance' (see https://docs.github.com/rest)", StringComparison.Ordinal), answer);
            answer.ShouldNotContain("db-7.corp.internal");
            answer.ShouldNotContain("Secret.Method");
        }
        finally
        {
            fixture.Simulator.Misbehaviour.Clear();
        }
    }

    [Fact]
    public async Task WithoutATrackedRepository_TrafficCouldNotBeChecked_AndTheFindingsSaySo()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token);

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse();
        check.GetProperty("credentialsAccepted").GetBoolean().ShouldBeTrue();
        check.GetProperty("traffic").GetProperty("canRead").ValueKind.ShouldBe(JsonValueKind.Null);
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("traffic could not be checked");
    }

    [Fact]
    public async Task ARepositoryThatNamesNoConnection_IsTried_ThroughTheTenantsFirstConnection()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token);
        await fixture.App.TrackAsync(tenant, "acme", "site");

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeTrue(body);
        check.GetProperty("traffic").GetProperty("repository").GetString().ShouldBe("acme/site");
    }

    [Fact]
    public async Task AGitHubApp_IsIdentifiedBySlugAndInstallation_AndReadsTraffic()
    {
        using var key = RSA.Create(2048);
        var installation = fixture.Simulator.AddApp(7301, key.ExportRSAPublicKeyPem(), 7302, "acme/*");
        var tenant = await fixture.NewTenantAsync();
        var connectionId = await fixture.AddAppConnectionAsync(tenant, 7301, key.ExportRSAPrivateKeyPem(), 7302);
        await fixture.App.TrackAsync(tenant, "acme", "site", connectionId);

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("ok").GetBoolean().ShouldBeTrue(body);
        var identity = check.GetProperty("identity");
        identity.GetProperty("appSlug").GetString().ShouldBe(installation.AppSlug);
        identity.GetProperty("appId").GetInt64().ShouldBe(7301);
        identity.GetProperty("installationId").GetInt64().ShouldBe(7302);
        identity.GetProperty("login").ValueKind.ShouldBe(JsonValueKind.Null);
        check.GetProperty("scopes").ValueKind.ShouldBe(JsonValueKind.Null);
        check.GetProperty("traffic").GetProperty("canRead").GetBoolean().ShouldBeTrue();
        body.ShouldNotContain("BEGIN");
    }

    [Fact]
    public async Task AGitHubAppWithAWrongInstallation_SaysTheInstallationIsMissing()
    {
        using var key = RSA.Create(2048);
        fixture.Simulator.AddApp(7401, key.ExportRSAPublicKeyPem(), 7402, "acme/*");
        var tenant = await fixture.NewTenantAsync();
        var connectionId = await fixture.AddAppConnectionAsync(tenant, 7401, key.ExportRSAPrivateKeyPem(), 7499);

        var (check, body) = await fixture.TestAsync(tenant, connectionId);

        check.GetProperty("credentialsAccepted").GetBoolean().ShouldBeFalse(body);
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("no installation 7499 of App 7401");
    }

    [Fact]
    public async Task TheToken_IsNeverInTheAnswer_OrTheLog()
    {
        var token = fixture.Simulator.AddClassicToken(["read:org"], canPushTo: "acme/*");
        var wrong = "ghp_wrongTokenThatMustNotBeEchoed000";
        var (tenant, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");
        var (otherTenant, wrongId) = await fixture.TenantWithTokenAsync(wrong, "acme/site");

        var (_, body) = await fixture.TestAsync(tenant, connectionId);
        var (_, wrongBody) = await fixture.TestAsync(otherTenant, wrongId);

        body.ShouldNotContain(token);
        wrongBody.ShouldNotContain(wrong);
        fixture.App.Logs.Entries.ShouldContain(e => e.Message.Contains("Checked GitHub connection", StringComparison.Ordinal));
        fixture.App.Logs.Entries.ShouldAllBe(e => !e.ToString().Contains(token) && !e.ToString().Contains(wrong));
    }

    [Fact]
    public async Task WithoutTheCollector_Answers503_NamingTheMissingCall()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions { AddCollector = false });
        var tenant = await app.CreateTenantAsync("no-collector");
        var owner = await app.CreateUserAsync("owner@no-collector.example");
        await app.AddMemberAsync(tenant, owner, TenantRole.Owner);
        var connection = await app.AddConnectionAsync(tenant, "token", fixture.Simulator.BaseAddress, "ghp_unused");

        using var response = await app.As(owner).SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/no-collector/connections/{connection.Id}/test"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(".AddGitHubCollector()");
    }

    [Fact]
    public async Task AnotherTenantsConnection_Answers404()
    {
        var token = fixture.Simulator.AddClassicToken(["repo"], canPushTo: "acme/*");
        var (_, connectionId) = await fixture.TenantWithTokenAsync(token, "acme/site");
        var mine = await fixture.NewTenantAsync();

        using var response = await fixture.Owner.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/{mine.Slug}/connections/{connectionId}/test"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
    }

    private static List<string> Findings(JsonElement check) => [.. check.GetProperty("findings").EnumerateArray().Select(f => f.GetString()!)];

    [Fact]
    public async Task ASecretThisDatabasesKeysCannotRead_IsAFinding_AndGitHubIsNotAsked()
    {
        var token = fixture.Simulator.AddToken(canPushTo: "acme/*");
        var tenant = await fixture.NewTenantAsync();
        var connection = await fixture.App.Get<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenant.Id, "restored from another installation", GitHubConnectionKind.PersonalAccessToken, fixture.Simulator.BaseAddress,
            await fixture.ProtectWithAnotherKeyRingAsync(token)));

        var (check, body) = await fixture.TestAsync(tenant, connection.Id);

        check.GetProperty("ok").GetBoolean().ShouldBeFalse(body);
        Findings(check).ShouldHaveSingleItem(body).ShouldContain("cannot be decrypted");
        Findings(check).Single().ShouldContain("GitHub was not asked");
        fixture.Simulator.Stats.RequestsFor(token).ShouldBe(0);
    }

    /// <summary>The simulator with acme/site (public) and an app in which one owner owns every tenant a test makes.</summary>
    public sealed class CheckedApp : IAsyncLifetime
    {
        private GitHubSimulator? _simulator;
        private WebApp? _app;
        private SeededUser _owner = null!;
        private int _tenants;

        public GitHubSimulator Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public WebCaller Owner { get; private set; } = null!;

        /// <summary>A loopback address where nothing listens: a port taken and freed again.</summary>
        public string DeadAddress { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _simulator = await GitHubSimulator.StartAsync();
            _simulator.AddRepository("acme", "site", seed: 7);
            _app = await WebApp.StartAsync();
            _owner = await _app.CreateUserAsync("owner@checks.example");
            Owner = _app.As(_owner);
            DeadAddress = $"http://127.0.0.1:{GhStats.Testing.LoopbackPort.Free()}";
        }

        public async Task<Tenant> NewTenantAsync()
        {
            var tenant = await App.CreateTenantAsync($"checks-{Interlocked.Increment(ref _tenants)}");
            await App.AddMemberAsync(tenant, _owner, TenantRole.Owner);
            return tenant;
        }

        /// <summary>A new tenant with a token connection added through the API, tracking <paramref name="repository"/> through it if given.</summary>
        public async Task<(Tenant Tenant, long ConnectionId)> TenantWithTokenAsync(string token, string? repository = null, string? apiBaseUrl = null)
        {
            var tenant = await NewTenantAsync();
            var created = await Owner.PostJsonExpectingAsync($"api/v1/tenants/{tenant.Slug}/connections",
                new { kind = "pat", apiBaseUrl = apiBaseUrl ?? Simulator.BaseAddress, token }, HttpStatusCode.Created);
            var connectionId = created.GetProperty("id").GetInt64();
            if (repository is not null)
            {
                var parts = repository.Split('/');
                await App.TrackAsync(tenant, parts[0], parts[1], connectionId);
            }

            return (tenant, connectionId);
        }

        public async Task<long> AddAppConnectionAsync(Tenant tenant, long appId, string privateKeyPem, long installationId)
        {
            var created = await Owner.PostJsonExpectingAsync($"api/v1/tenants/{tenant.Slug}/connections",
                new { kind = "app", apiBaseUrl = Simulator.BaseAddress, appId, installationId, privateKey = privateKeyPem }, HttpStatusCode.Created);
            return created.GetProperty("id").GetInt64();
        }

        /// <summary>Protects a secret with another installation's key ring: its own SQLite database, so its own Data Protection keys.</summary>
        public async Task<string> ProtectWithAnotherKeyRingAsync(string secret)
        {
            var folder = Directory.CreateTempSubdirectory("ghstats-foreign-keys-").FullName;
            try
            {
                var services = new ServiceCollection().AddLogging();
                services.AddGhStats().UseSqlite($"Data Source={Path.Combine(folder, "other.db")};Pooling=false");
                await using var provider = services.BuildServiceProvider();
                await provider.GetRequiredService<ISchemaMigrator>().MigrateAsync();
                return provider.GetRequiredService<ISecretProtector>().Protect(secret);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>Tests a connection through the API and checks the answer is 200 JSON.</summary>
        public async Task<(JsonElement Check, string Body)> TestAsync(Tenant tenant, long connectionId)
        {
            using var response = await Owner.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tenants/{tenant.Slug}/connections/{connectionId}/test"));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
            return (JsonDocument.Parse(body).RootElement.Clone(), body);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_simulator is not null)
            {
                await _simulator.DisposeAsync();
            }
        }
    }
}
