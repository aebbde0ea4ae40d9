using GhStats.Testing;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>Personal API tokens: made from a session and shown once, stored as a hash, exactly the user's rights, revocable.</summary>
public sealed class ApiTokenTests(ApiTokenTests.TokenApp fixture) : IClassFixture<ApiTokenTests.TokenApp>
{
    [Fact]
    public async Task ATokenMadeInASession_IsShownOnce_AndCarriesTheUsersRights()
    {
        var session = await fixture.App.SignInAsync(fixture.Owner.Email);

        using var created = await session.PostJsonAsync("api/v1/me/tokens", new { name = "ci", expiresInDays = 7 });
        var body = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        created.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var token = JsonDocument.Parse(body).RootElement;
        var secret = token.GetProperty("token").GetString().ShouldNotBeNull();
        secret.ShouldStartWith("ghst_");
        created.Headers.Location?.OriginalString.ShouldBe($"/api/v1/me/tokens/{token.GetProperty("id").GetInt64()}");
        (token.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow).TotalDays.ShouldBeInRange(6.9, 7.1);

        using var listed = await session.GetAsync("api/v1/me/tokens");
        var list = await listed.Content.ReadAsStringAsync();
        list.ShouldContain("\"name\":\"ci\"");
        list.ShouldNotContain(secret);
        list.ShouldNotContain("\"token\"");

        var script = fixture.App.WithToken(secret);
        var me = await script.GetJsonAsync("api/v1/me");
        me.GetProperty("id").GetInt64().ShouldBe(fixture.Owner.Id);
        me.GetProperty("antiforgeryToken").ValueKind.ShouldBe(JsonValueKind.Null);
        (await script.GetJsonAsync("api/v1/tenants/tokens/members")).GetProperty("members").GetArrayLength().ShouldBe(1);
        ((await script.GetJsonAsync("api/v1/me/tokens")).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ci")
            .GetProperty("lastUsedAt").ValueKind).ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task TheDatabase_HoldsOnlyTheTokensHash()
    {
        using var connection = fixture.App.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_tokens";
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            for (var column = 0; column < reader.FieldCount; column++)
            {
                var value = reader.IsDBNull(column) ? "" : Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)!;
                value.ShouldNotContain(fixture.Owner.Token[5..], customMessage: reader.GetName(column));
            }
        }

        rows.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AToken_CannotMintAnotherToken()
    {
        using var response = await fixture.App.As(fixture.Owner).PostJsonAsync("api/v1/me/tokens", new { name = "from a token" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARevokedToken_IsRefusedAtOnce()
    {
        var session = await fixture.App.SignInAsync(fixture.Owner.Email);
        var issued = await fixture.App.Administration.CreateApiTokenAsync(fixture.Owner.Id, "short-lived", 1);
        var script = fixture.App.WithToken(issued.Secret);
        (await script.GetJsonAsync("api/v1/me")).GetProperty("id").GetInt64().ShouldBe(fixture.Owner.Id);

        using var revoked = await session.DeleteAsync($"api/v1/me/tokens/{issued.Token.Id}");
        using var refused = await script.GetAsync("api/v1/me");
        using var again = await session.DeleteAsync($"api/v1/me/tokens/{issued.Token.Id}");

        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ghst_unknownButWellFormedToken000000000000000")]
    [InlineData("ghp_aGitHubTokenIsNotAGhStatsToken")]
    [InlineData("not-a-token")]
    public async Task AnUnknownBearerToken_Answers401(string token)
    {
        using var response = await fixture.App.WithToken(token).GetAsync("api/v1/me");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    /// <summary>An app in Development (for sessions) with tenant "tokens" and its owner.</summary>
    public sealed class TokenApp : IAsyncLifetime
    {
        private WebApp? _app;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public SeededUser Owner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development" });
            var tenant = await App.CreateTenantAsync("tokens");
            Owner = await App.CreateUserAsync("owner@tokens.example");
            await App.AddMemberAsync(tenant, Owner, TenantRole.Owner);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
