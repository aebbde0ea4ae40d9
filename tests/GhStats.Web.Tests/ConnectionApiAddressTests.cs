using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// Saving a connection: the operator, not a tenant's Owner, decides which GitHub API hosts GhStats calls. An address
/// on this machine, its network, a cloud's metadata service, a host the operator did not list, or plain http to
/// api.github.com answers 400 with the reason and saves nothing; a GitHub Enterprise host the operator lists is saved.
/// </summary>
public sealed class ConnectionApiAddressTests(ConnectionApiAddressTests.OwnedTenant fixture) : IClassFixture<ConnectionApiAddressTests.OwnedTenant>
{
    [Theory]
    [InlineData("http://10.0.0.5", "'10.0.0.5' is not allowed")]
    [InlineData("https://169.254.169.254", "'169.254.169.254' is not allowed")]
    [InlineData("https://169.254.169.254/latest/meta-data", "'169.254.169.254' is not allowed")]
    [InlineData("http://localhost:1234", "'localhost:1234' is not allowed")]
    [InlineData("http://[::1]:1234", "'[::1]:1234' is not allowed")]
    [InlineData("https://evil.example", "'evil.example' is not allowed")]
    [InlineData("https://api.github.com:8443", "'api.github.com:8443' is not allowed")]
    [InlineData("http://api.github.com", "'api.github.com' is allowed over https only")]
    [InlineData("http://github.example.com", "'github.example.com' is allowed over https only")]
    public async Task SavingAConnectionToAnAddressTheOperatorDidNotAllow_Answers400WithTheReason_AndSavesNothing(string apiBaseUrl, string reason)
    {
        var tenant = await fixture.NewTenantAsync();

        using var response = await fixture.Owner.PostJsonAsync($"api/v1/tenants/{tenant.Slug}/connections", new { kind = "pat", apiBaseUrl, token = "ghp_unused" });

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldContain(reason, Case.Sensitive, body);
        detail.ShouldContain("GhStats:GitHub:AllowedHosts", Case.Sensitive, body);
        (await fixture.App.Get<IConnectionStore>().ListAsync(tenant.Id)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://github.example.com/api/v3")]
    [InlineData("https://GitHub.Example.COM/api/v3")]
    [InlineData("https://api.github.com")]
    public async Task SavingAConnectionToAHostTheOperatorAllows_Answers201(string apiBaseUrl)
    {
        var tenant = await fixture.NewTenantAsync();

        var created = await fixture.Owner.PostJsonExpectingAsync(
            $"api/v1/tenants/{tenant.Slug}/connections", new { kind = "pat", apiBaseUrl, token = "ghp_unused" }, HttpStatusCode.Created);

        created.GetProperty("apiBaseUrl").GetString().ShouldBe(apiBaseUrl);
        (await fixture.App.Get<IConnectionStore>().ListAsync(tenant.Id)).ShouldHaveSingleItem().ApiBaseUrl.ShouldBe(apiBaseUrl);
    }

    /// <summary>An app whose operator allows github.example.com (https only, public addresses only) besides the harness's simulator.</summary>
    public sealed class OwnedTenant : IAsyncLifetime
    {
        private WebApp? _app;
        private SeededUser _owner = null!;
        private int _tenants;

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public WebCaller Owner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync(new WebAppOptions
            {
                Settings = new Dictionary<string, string?> { ["GhStats:GitHub:AllowedHosts:1:Host"] = "github.example.com" },
            });
            _owner = await _app.CreateUserAsync("owner@addresses.example");
            Owner = _app.As(_owner);
        }

        public async Task<Tenant> NewTenantAsync()
        {
            var tenant = await App.CreateTenantAsync($"addresses-{Interlocked.Increment(ref _tenants)}");
            await App.AddMemberAsync(tenant, _owner, TenantRole.Owner);
            return tenant;
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
