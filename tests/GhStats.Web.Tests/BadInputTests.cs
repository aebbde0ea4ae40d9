using GhStats.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// Bad input answers RFC 7807 problem details with the right status (400, 404, 413, 415) and leaves the database as it
/// was: each test compares what the stores hold before and after.
/// </summary>
public sealed class BadInputTests(BadInputTests.BadInputApp fixture) : IClassFixture<BadInputTests.BadInputApp>
{
    private const string Tenant = BadInputApp.TenantSlug;
    private const long UnknownId = 987_654_321;

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("-x/y")]
    [InlineData("x-/y")]
    [InlineData("x--y/z")]
    [InlineData("x/..")]
    [InlineData("x/.")]
    [InlineData("x/y z")]
    [InlineData("x/y\nz")]
    [InlineData("x\n/y")]
    [InlineData("x/y;rm -rf")]
    [InlineData("x/<script>")]
    [InlineData("ünï/code")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/y")]
    [InlineData("x/")]
    [InlineData("/y")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ARepositoryNameOutsideGitHubsRules_Answers400_AndTracksNothing(string fullName)
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.PostJsonAsync("api/v1/repos", new { tenant = Tenant, fullName });
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task ARepositoryNameOf101Characters_Answers400_AndTracksNothing()
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.PostJsonAsync("api/v1/repos", new { tenant = Tenant, fullName = "x/" + new string('n', 101) });
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task AFullNameWithSurroundingWhitespace_IsTrackedTrimmed()
    {
        // A name pasted with a line break is still a GitHub name; only the name itself must follow GitHub's rules.
        using var response = await fixture.Owner.PostJsonAsync("api/v1/repos", new { tenant = Tenant, fullName = "  octo/pasted\n" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await fixture.App.Get<IRepositoryStore>().FindByNameAsync(fixture.Tenant.Id, "octo", "pasted")).ShouldNotBeNull().FullName.ShouldBe("octo/pasted");
    }

    public static TheoryData<string, string> BadRanges()
    {
        string[] ranges =
        [
            "from=2007-12-31&to=2008-01-10",
            "from=2024-02-01&to=2024-01-01",
            "from=2008-01-01",
            "from=2014-01-01&to=2024-12-31",
            "to=2999-01-01",
            "from=2024-13-01",
            "from=2024-02-30",
            "from=24-01-01",
            "from=yesterday",
            "from=2024-01-01T00:00:00Z",
            "to=2024%2F01%2F31",
            "from=-2024-01-01",
            "from=2024-01-01&from=2024-01-02",
        ];
        string[] routes =
        [
            "api/v1/repos/{repo}/traffic", "api/v1/repos/{repo}/referrers", "api/v1/repos/{repo}/paths", "api/v1/repos/{repo}/stats",
            "api/v1/traffic/summary", "api/v1/repos/{repo}/traffic.csv", "api/v1/repos/{repo}/referrers.csv", "api/v1/repos/{repo}/paths.csv", "api/v1/traffic.csv",
        ];
        var data = new TheoryData<string, string>();
        foreach (var route in routes)
        {
            foreach (var range in ranges)
            {
                data.Add(route, range);
            }
        }

        foreach (var per in new[] { "per=year", "per=days", "per=1", "per=day&per=week" })
        {
            data.Add("api/v1/repos/{repo}/traffic", per);
            data.Add("api/v1/repos/{repo}/traffic.csv", per);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadRanges))]
    public async Task AReversedAbsurdOrMalformedRange_Answers400(string route, string query)
    {
        using var response = await fixture.Owner.GetAsync($"{route.Replace("{repo}", fixture.Repository.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}?{query}");

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "api/v1/repos/{unknown}")]
    [InlineData("GET", "api/v1/repos/{unknown}/traffic")]
    [InlineData("GET", "api/v1/repos/{unknown}/referrers")]
    [InlineData("GET", "api/v1/repos/{unknown}/paths.csv")]
    [InlineData("DELETE", "api/v1/repos/{unknown}")]
    [InlineData("GET", "api/v1/repos/-5")]
    [InlineData("GET", "api/v1/repos/abc")]
    [InlineData("GET", "api/v1/repos/99999999999999999999999")]
    [InlineData("GET", "api/v1/runs/{unknown}")]
    [InlineData("GET", "api/v1/tenants/no-such-tenant")]
    [InlineData("GET", "api/v1/tenants/no-such-tenant/members")]
    [InlineData("GET", "api/v1/tenants/no-such-tenant/connections")]
    [InlineData("GET", "api/v1/tenants/no-such-tenant/collection-plan")]
    [InlineData("GET", "api/v1/repos?tenant=no-such-tenant")]
    [InlineData("GET", "api/v1/traffic/summary?tenant=no-such-tenant")]
    [InlineData("GET", "api/v1/traffic.csv?tenant=no-such-tenant")]
    [InlineData("DELETE", "api/v1/tenants/" + Tenant + "/connections/{unknown}")]
    [InlineData("POST", "api/v1/tenants/" + Tenant + "/connections/{unknown}/test")]
    [InlineData("POST", "api/v1/tenants/no-such-tenant/connections/1/test")]
    [InlineData("GET", "api/v1/tenants/no-such-tenant/owners")]
    [InlineData("DELETE", "api/v1/tenants/" + Tenant + "/owners/{unknown}")]
    [InlineData("DELETE", "api/v1/tenants/no-such-tenant/owners/1")]
    [InlineData("DELETE", "api/v1/tenants/" + Tenant + "/members/nobody@example.com")]
    [InlineData("DELETE", "api/v1/tenants/no-such-tenant")]
    [InlineData("DELETE", "api/v1/me/tokens/{unknown}")]
    public async Task AnUnknownId_Answers404(string method, string path)
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{unknown}", UnknownId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            using var response = await fixture.Admin.SendAsync(request);
            await ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
        });
    }

    [Theory]
    [InlineData("POST", "api/v1/repos", """{"tenant":"no-such-tenant","fullName":"octo/new"}""")]
    [InlineData("POST", "api/v1/repos", """{"tenant":"bad-input","fullName":"octo/new","connectionId":987654321}""")]
    [InlineData("PUT", "api/v1/tenants/no-such-tenant", """{"name":"Renamed"}""")]
    [InlineData("PUT", "api/v1/tenants/no-such-tenant/members/new@example.com", """{"role":"viewer"}""")]
    [InlineData("POST", "api/v1/tenants/no-such-tenant/connections", """{"token":"ghp_x"}""")]
    [InlineData("POST", "api/v1/tenants/no-such-tenant/owners", """{"owner":"octo"}""")]
    [InlineData("POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo","connectionId":987654321}""")]
    [InlineData("POST", "api/v1/collect", """{"tenant":"no-such-tenant"}""")]
    public async Task ABodyNamingSomethingUnknown_Answers404_AndStoresNothing(string method, string path, string json)
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Admin.SendAsync(Raw(method, path, json, "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.NotFound);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOverTheLimit_Answers413_AndStoresNothing(bool chunked)
    {
        // Valid JSON for the route, made too large by a field the route does not read.
        var json = JsonSerializer.Serialize(new { tenant = Tenant, fullName = "octo/too-large", padding = new string('p', 70_000) });

        await ShouldStoreNothingAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/repos")
            {
                Content = chunked ? new UnsizedContent(Encoding.UTF8.GetBytes(json), "application/json") : new StringContent(json, Encoding.UTF8, "application/json"),
            };
            using var response = await fixture.Owner.SendAsync(request);
            await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        });
    }

    [Fact]
    public async Task APrivateKeyOverTheLimit_Answers413_AndAddsNoConnection()
    {
        var key = "-----BEGIN RSA PRIVATE KEY-----\n" + new string('k', 70_000) + "\n-----END RSA PRIVATE KEY-----";

        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.PostJsonAsync($"api/v1/tenants/{Tenant}/connections", new { kind = "app", appId = 1, installationId = 2, privateKey = key });
            await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        });
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task ABodyThatIsNotJson_Answers415_AndStoresNothing(string? contentType)
    {
        var json = $$"""{"tenant":"{{Tenant}}","fullName":"octo/not-json"}""";

        await ShouldStoreNothingAsync(async () =>
        {
            foreach (var (method, path) in new[] { ("POST", "api/v1/repos"), ("POST", $"api/v1/tenants/{Tenant}/connections"), ("PUT", $"api/v1/tenants/{Tenant}"), ("POST", $"api/v1/tenants/{Tenant}/owners") })
            {
                using var response = await fixture.Owner.SendAsync(Raw(method, path, json, contentType));
                await ShouldBeProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
            }
        });
    }

    [Theory]
    [InlineData("{")]
    [InlineData("""{"tenant": }""")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("\"bad-input/octo\"")]
    [InlineData("""{"tenant": 5, "fullName": "octo/x"}""")]
    [InlineData("""{"tenant": "bad-input", "fullName": ["octo/x"]}""")]
    [InlineData("""{"tenant": "bad-input", "fullName": "octo/x", "connectionId": "one"}""")]
    [InlineData("""{"tenant": "bad-input", "fullName": "octo/x"} trailing""")]
    [InlineData("")]
    public async Task MalformedJson_Answers400_AndStoresNothing(string json)
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.SendAsync(Raw("POST", "api/v1/repos", json, "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task InvalidUtf8_Answers400_AndStoresNothing()
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/repos")
            {
                Content = new ByteArrayContent([.. "{\"tenant\":\"bad-input\",\"fullName\":\"octo/"u8, 0xFF, 0xFE, .. "\"}"u8]),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await fixture.Owner.SendAsync(request);
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Theory]
    [InlineData("owner", "POST", "api/v1/repos", "{}")]
    [InlineData("owner", "POST", "api/v1/repos", """{"tenant":"bad-input"}""")]
    [InlineData("owner", "POST", "api/v1/repos", """{"fullName":"octo/x"}""")]
    [InlineData("admin", "POST", "api/v1/tenants", "{}")]
    [InlineData("admin", "POST", "api/v1/tenants", """{"slug":"no-name"}""")]
    [InlineData("admin", "POST", "api/v1/tenants", """{"slug":"Has Spaces","name":"x"}""")]
    [InlineData("admin", "POST", "api/v1/tenants", """{"slug":"-leading","name":"x"}""")]
    [InlineData("admin", "POST", "api/v1/tenants", """{"slug":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","name":"x"}""")]
    [InlineData("owner", "PUT", "api/v1/tenants/bad-input", "{}")]
    [InlineData("owner", "PUT", "api/v1/tenants/bad-input", """{"name":"   "}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"kind":"pat"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"kind":"ssh","token":"ghp_x"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"token":"two words"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"token":"ghp_x","apiBaseUrl":"ftp://github.example.com"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"token":"ghp_x","apiBaseUrl":"javascript:alert(1)"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"token":"ghp_x","apiBaseUrl":"https://user:secret@github.example.com"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"token":"ghp_x","apiBaseUrl":"github.example.com"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"kind":"app","appId":1,"installationId":2,"privateKey":"not a key"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"kind":"app","privateKey":"-----BEGIN RSA PRIVATE KEY-----"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/connections", """{"kind":"app","appId":-1,"installationId":2,"privateKey":"-----BEGIN RSA PRIVATE KEY-----"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", "{}")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"   "}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"-octo"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"oc--to"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo/repo"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo","include":"api *"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo","exclude":"a/b"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo","skipForks":"yes"}""")]
    [InlineData("owner", "POST", "api/v1/tenants/bad-input/owners", """{"owner":"octo","connectionId":"one"}""")]
    [InlineData("owner", "PUT", "api/v1/tenants/bad-input/members/new@example.com", """{"role":"king"}""")]
    [InlineData("owner", "PUT", "api/v1/tenants/bad-input/members/new@example.com", "{}")]
    [InlineData("owner", "PUT", "api/v1/tenants/bad-input/members/not-an-email", """{"role":"viewer"}""")]
    [InlineData("session", "POST", "api/v1/me/tokens", "{}")]
    [InlineData("session", "POST", "api/v1/me/tokens", """{"name":"x","expiresInDays":0}""")]
    [InlineData("session", "POST", "api/v1/me/tokens", """{"name":"x","expiresInDays":367}""")]
    [InlineData("admin", "GET", "api/v1/runs?limit=0", null)]
    [InlineData("admin", "GET", "api/v1/runs?limit=201", null)]
    [InlineData("admin", "GET", "api/v1/runs?limit=many", null)]
    [InlineData("admin", "GET", "api/v1/runs?limit=-1", null)]
    [InlineData("admin", "GET", "api/v1/runs?limit=1e3", null)]
    [InlineData("owner", "DELETE", "api/v1/repos/{repo}?purge=maybe", null)]
    public async Task AMissingOrInvalidField_Answers400_AndStoresNothing(string caller, string method, string path, string? json)
    {
        var client = caller switch { "admin" => fixture.Admin, "session" => fixture.OwnerSession, _ => fixture.Owner };
        path = path.Replace("{repo}", fixture.Repository.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await client.SendAsync(Raw(method, path, json, json is null ? null : "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Theory]
    [InlineData("api/v1/tenants/bad-input/connections", """{"name":"NAME","token":"ghp_x"}""", 101)]
    [InlineData("api/v1/tenants/bad-input/connections", """{"token":"ghp_x","apiBaseUrl":"https://github.example.com/NAME"}""", 420)]
    [InlineData("api/v1/tenants/bad-input/members/NAME@example.com", """{"role":"viewer"}""", 260)]
    public async Task AValueLongerThanItsColumn_Answers400_AndStoresNothing(string path, string json, int length)
    {
        var method = path.Contains("/members/", StringComparison.Ordinal) ? "PUT" : "POST";
        var name = new string('n', length);

        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.SendAsync(Raw(method, path.Replace("NAME", name, StringComparison.Ordinal), json.Replace("NAME", name, StringComparison.Ordinal), "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
        });
    }

    [Theory]
    [InlineData("""{"owner":"octo","include":"api-*, web page"}""", "include pattern 'web page'")]
    [InlineData("""{"owner":"octo","exclude":"old/*"}""", "exclude pattern 'old/*'")]
    [InlineData("""{"owner":"-octo"}""", "'-octo' is not a GitHub owner name")]
    public async Task ABadOwnerOrPattern_Answers400_WithADetailThatSaysWhatToChange(string json, string detail)
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.Owner.SendAsync(Raw("POST", $"api/v1/tenants/{Tenant}/owners", json, "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
            problem.ShouldNotBeNull().ShouldStartWith(detail, Case.Sensitive);
            problem.ShouldNotContain("(Parameter");
        });
    }

    [Fact]
    public async Task TrackingAnOwnerTwice_Answers409_AndKeepsTheFirst()
    {
        using (var first = await fixture.Owner.PostJsonAsync($"api/v1/tenants/{Tenant}/owners", new { owner = "twice-org", include = "a*" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        }

        await ShouldStoreNothingAsync(async () =>
        {
            // GitHub logins ignore case, so another spelling is the same owner.
            using var again = await fixture.Owner.PostJsonAsync($"api/v1/tenants/{Tenant}/owners", new { owner = "Twice-Org" });
            await ShouldBeProblemAsync(again, HttpStatusCode.Conflict);
        });
        var listed = await fixture.Owner.GetJsonAsync($"api/v1/tenants/{Tenant}/owners");
        listed.EnumerateArray().Where(o => o.GetProperty("owner").GetString() == "twice-org").ShouldHaveSingleItem().GetProperty("include").GetString().ShouldBe("a*");
    }

    [Fact]
    public async Task ASessionChange_WithoutTheAntiforgeryToken_Answers400_AndStoresNothing()
    {
        await ShouldStoreNothingAsync(async () =>
        {
            using var response = await fixture.OwnerSession.Http.PostAsync("api/v1/repos", new StringContent($$"""{"tenant":"{{Tenant}}","fullName":"octo/csrf"}""", Encoding.UTF8, "application/json"));
            await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest);
            using var owner = await fixture.OwnerSession.Http.PostAsync($"api/v1/tenants/{Tenant}/owners", new StringContent("""{"owner":"csrf-org"}""", Encoding.UTF8, "application/json"));
            await ShouldBeProblemAsync(owner, HttpStatusCode.BadRequest);
        });
    }

    private static HttpRequestMessage Raw(string method, string path, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private async Task ShouldStoreNothingAsync(Func<Task> act)
    {
        var before = await fixture.SnapshotAsync();
        await act();
        (await fixture.SnapshotAsync()).ShouldBe(before);
    }

    /// <summary>JSON sent with chunked transfer encoding: no Content-Length to refuse it by.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>One app in Development (for a session caller), a tenant with an owner, a repository and a connection, and an admin.</summary>
    public sealed class BadInputApp : IAsyncLifetime
    {
        public const string TenantSlug = "bad-input";

        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public Tenant Tenant { get; private set; } = null!;

        public TrackedRepository Repository { get; private set; } = null!;

        public SeededUser OwnerUser { get; private set; } = null!;

        public WebCaller Owner { get; private set; } = null!;

        public WebCaller OwnerSession { get; private set; } = null!;

        public WebCaller Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            Tenant = await App.CreateTenantAsync(TenantSlug);
            OwnerUser = await App.CreateUserAsync("owner@bad-input.example");
            await App.AddMemberAsync(Tenant, OwnerUser, TenantRole.Owner);
            Owner = App.As(OwnerUser);
            OwnerSession = await App.SignInAsync(OwnerUser.Email);
            Admin = App.As(await App.CreateUserAsync("admin@bad-input.example", SystemRole.Admin));
            Repository = await App.TrackAsync(Tenant, "octo", "existing");
            await App.AddConnectionAsync(Tenant, "existing", "http://127.0.0.1:9", "ghp_existing");
        }

        /// <summary>What the stores hold, in counts: a bad request must change none of them.</summary>
        public async Task<StoredCounts> SnapshotAsync()
        {
            var tenants = await App.Get<ITenantStore>().ListAsync();
            var repositories = 0;
            var connections = 0;
            var invitations = 0;
            var members = 0;
            var owners = 0;
            foreach (var tenant in tenants)
            {
                owners += (await App.Get<ITrackedOwnerStore>().ListAsync(tenant.Id)).Count;
                repositories += (await App.Get<IRepositoryStore>().ListAsync(tenant.Id, includeRemoved: true)).Count;
                connections += (await App.Get<IConnectionStore>().ListAsync(tenant.Id)).Count;
                invitations += (await App.Get<IMembershipStore>().ListInvitationsAsync(tenant.Id)).Count;
                members += (await App.Get<IMembershipStore>().ListMembersAsync(tenant.Id)).Count;
            }

            return new StoredCounts(
                tenants.Count, repositories, connections, invitations, members,
                (await App.Get<IApiTokenStore>().ListAsync(OwnerUser.Id)).Count(t => t.RevokedAt is null),
                (await App.Get<IUserStore>().ListAsync()).Count,
                (await App.Get<ICollectionRunStore>().ListAsync(1000)).Count,
                owners);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }

    /// <summary>Row counts of everything a request could add or change.</summary>
    public sealed record StoredCounts(int Tenants, int Repositories, int Connections, int Invitations, int Members, int LiveTokens, int Users, int Runs, int TrackedOwners);
}
