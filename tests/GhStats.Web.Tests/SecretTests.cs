using GhStats.Testing;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// A connection's GitHub token goes in and never comes out: no response holds it, the database holds it encrypted, and
/// the Data Protection keys that encrypt it (and sign session cookies) live in the database, so a second replica on
/// the same database can use the token and honours the first replica's sessions.
/// </summary>
public sealed class SecretTests(SecretTests.ReplicaOne fixture) : IClassFixture<SecretTests.ReplicaOne>
{
    [Fact]
    public async Task TheConnectionsToken_IsInNoApiResponse()
    {
        string[] paths =
        [
            "api/v1/tenants/secrets/connections", "api/v1/tenants/secrets", "api/v1/tenants", "api/v1/me", "api/v1/repos",
            $"api/v1/repos/{fixture.RepositoryId}", "api/v1/traffic/summary", "api/v1/runs", "openapi/ghstats.json",
        ];
        var bodies = new List<string> { fixture.CreatedConnection };
        foreach (var path in paths)
        {
            using var response = await fixture.Admin.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        bodies.ShouldAllBe(body => !body.Contains(fixture.GitHubToken, StringComparison.Ordinal));
        JsonDocument.Parse(fixture.CreatedConnection).RootElement.EnumerateObject().Select(p => p.Name)
            .ShouldBe(["id", "name", "kind", "apiBaseUrl", "appId", "installationId", "createdAt"], ignoreOrder: true);
        fixture.App.Logs.Entries.ShouldAllBe(e => !e.Message.Contains(fixture.GitHubToken, StringComparison.Ordinal));
    }

    [Fact]
    public void TheDatabase_HoldsTheTokenEncrypted()
    {
        using var connection = fixture.App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM github_connections";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                (reader.IsDBNull(column) ? "" : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!)
                    .ShouldNotContain(fixture.GitHubToken, customMessage: reader.GetName(column));
            }

            var secret = reader.GetString(reader.GetOrdinal("protected_secret"));

            // Data Protection's payloads start with its magic header, base64url "CfDJ8".
            secret.ShouldStartWith("CfDJ8");
            secret.Length.ShouldBeGreaterThan(fixture.GitHubToken.Length * 2);
        }

        rows.ShouldBe(1);
    }

    [Fact]
    public void DataProtectionKeys_AreInTheDatabase()
    {
        using var connection = fixture.App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT friendly_name, xml FROM data_protection_keys";
        using var reader = command.ExecuteReader();
        var keys = new List<(string Name, string Xml)>();
        while (reader.Read())
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Xml.StartsWith("<key ", StringComparison.Ordinal) && k.Xml.Contains("<creationDate>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondReplica_DecryptsTheToken_AndCollectsWithIt()
    {
        await using var replica = await fixture.StartReplicaAsync();
        var before = fixture.Simulator.Stats.RequestsFor(fixture.GitHubToken);

        var maintainer = replica.As(fixture.MaintainerUser);
        using var started = await maintainer.PostJsonAsync("api/v1/collect", new { tenant = "secrets" });
        var body = await started.Content.ReadAsStringAsync();
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        var runId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        var run = await replica.Get<ICollectionService>().WaitAsync(runId);

        run.ShouldNotBeNull().Status.ShouldBe(CollectionRunStatus.Succeeded);
        run.ReposOk.ShouldBe(1);
        fixture.Simulator.Stats.RequestsFor(fixture.GitHubToken).ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task ASecondReplica_HonoursTheFirstReplicasSession_AndItsAntiforgeryToken()
    {
        await using var replica = await fixture.StartReplicaAsync();
        var session = await fixture.App.SignInAsync(fixture.OwnerUser.Email);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = replica.BaseAddress };
        var cookies = session.Cookies.GetCookieHeader(fixture.App.BaseAddress);
        cookies.ShouldContain(".GhStats.Session=");

        using var me = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        me.Headers.Add("Cookie", cookies);
        using var meResponse = await client.SendAsync(me);
        var meBody = await meResponse.Content.ReadAsStringAsync();
        meResponse.StatusCode.ShouldBe(HttpStatusCode.OK, meBody);
        JsonDocument.Parse(meBody).RootElement.GetProperty("id").GetInt64().ShouldBe(fixture.OwnerUser.Id);

        using var rename = WebCaller.WithJson(HttpMethod.Put, "api/v1/tenants/secrets", new { name = "Renamed on replica two" });
        rename.Headers.Add("Cookie", cookies);
        rename.Headers.Add(WebCaller.AntiforgeryHeader, session.AntiforgeryToken);
        using var renamed = await client.SendAsync(rename);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());

        using var forged = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
        forged.Headers.Add("Cookie", cookies.Replace(".GhStats.Session=", ".GhStats.Session=x", StringComparison.Ordinal));
        using var refused = await client.SendAsync(forged);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TwoReplicasStartingTogetherOnANewDatabase_HonourEachOthersSessions()
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-web-pair-").FullName;
        var database = Path.Combine(folder, "ghstats.db");
        try
        {
            var starting = Enumerable.Range(0, 2).Select(i => WebApp.StartAsync(new WebAppOptions
            {
                Environment = "Development",
                DatabasePath = database,
                ContentRoot = Directory.CreateDirectory(Path.Combine(folder, $"replica-{i}")).FullName,
            })).ToList();
            var replicas = await Task.WhenAll(starting);
            await using var first = replicas[0];
            await using var second = replicas[1];
            var user = await first.CreateUserAsync("pair@secrets.example", SystemRole.Admin);

            foreach (var (signedInOn, askedOn) in new[] { (first, second), (second, first) })
            {
                var session = await signedInOn.SignInAsync(user.Email);
                using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = askedOn.BaseAddress };
                using var me = new HttpRequestMessage(HttpMethod.Get, "api/v1/me");
                me.Headers.Add("Cookie", session.Cookies.GetCookieHeader(signedInOn.BaseAddress));
                using var response = await client.SendAsync(me);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(null, "GhStats")]
    [InlineData("embedding-app", "embedding-app")]
    public async Task TheDataProtectionApplicationName_IsGhStats_UnlessTheHostChoseOne(string? hostsName, string expected)
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            ConfigureServices = hostsName is null ? null : services => services.AddDataProtection().SetApplicationName(hostsName),
        });

        app.Get<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator.ShouldBe(expected);
    }

    /// <summary>The simulator, and replica one (Development, for its sign-in) where an owner added a connection through the API.</summary>
    public sealed class ReplicaOne : IAsyncLifetime
    {
        private GitHubSimulator? _simulator;
        private WebApp? _app;
        private string? _secondContentRoot;

        public GitHubSimulator Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public string GitHubToken { get; private set; } = "";

        public string CreatedConnection { get; private set; } = "";

        public long RepositoryId { get; private set; }

        public SeededUser OwnerUser { get; private set; } = null!;

        public SeededUser MaintainerUser { get; private set; } = null!;

        public WebCaller Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _simulator = await GitHubSimulator.StartAsync();
            _simulator.AddRepository("octo", "secret-keeper", seed: 7);
            GitHubToken = _simulator.AddToken(canPushTo: "octo/*");

            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            var tenant = await App.CreateTenantAsync("secrets");
            OwnerUser = await App.CreateUserAsync("owner@secrets.example");
            await App.AddMemberAsync(tenant, OwnerUser, TenantRole.Owner);
            MaintainerUser = await App.CreateUserAsync("maintainer@secrets.example", SystemRole.Maintainer);
            Admin = App.As(await App.CreateUserAsync("admin@secrets.example", SystemRole.Admin));

            var owner = App.As(OwnerUser);
            using (var created = await owner.PostJsonAsync("api/v1/tenants/secrets/connections", new { name = "simulator", apiBaseUrl = _simulator.BaseAddress, token = GitHubToken }))
            {
                CreatedConnection = await created.Content.ReadAsStringAsync();
                created.StatusCode.ShouldBe(HttpStatusCode.Created, CreatedConnection);
            }

            using var tracked = await owner.PostJsonAsync("api/v1/repos", new { tenant = "secrets", fullName = "octo/secret-keeper" });
            var repository = await tracked.Content.ReadAsStringAsync();
            tracked.StatusCode.ShouldBe(HttpStatusCode.Created, repository);
            RepositoryId = JsonDocument.Parse(repository).RootElement.GetProperty("id").GetInt64();
        }

        /// <summary>Replica two: another app on the same SQLite file, from another content root, as on another machine.</summary>
        public Task<WebApp> StartReplicaAsync()
        {
            _secondContentRoot ??= Directory.CreateTempSubdirectory("ghstats-web-replica-").FullName;
            return WebApp.StartAsync(new WebAppOptions { Environment = "Development", DatabasePath = App.DatabasePath, ContentRoot = _secondContentRoot });
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

            if (_secondContentRoot is not null)
            {
                Directory.Delete(_secondContentRoot, recursive: true);
            }
        }
    }
}
