using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>What an owner changes through the API shows in the next answer, whatever an earlier answer was.</summary>
public sealed class SummaryFreshnessTests(SummaryFreshnessTests.OwnedTenant fixture) : IClassFixture<SummaryFreshnessTests.OwnedTenant>
{
    [Theory]
    [InlineData("api/v1/traffic/summary?tenant=fresh")]
    [InlineData("api/v1/traffic/summary")]
    [InlineData("api/v1/repos?tenant=fresh")]
    public async Task ARepositoryTrackedOrUntracked_ShowsInTheNextAnswer(string path)
    {
        var name = $"octo/fresh-{Guid.NewGuid():N}"[..20];
        (await fixture.Owner.GetJsonAsync(path)).ToString().ShouldNotContain(name);

        using var tracked = await fixture.Owner.PostJsonAsync("api/v1/repos", new { tenant = "fresh", fullName = name });
        var repository = JsonDocument.Parse(await tracked.Content.ReadAsStringAsync()).RootElement;
        tracked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await fixture.Owner.GetJsonAsync(path)).ToString().ShouldContain(name);

        using var untracked = await fixture.Owner.DeleteAsync($"api/v1/repos/{repository.GetProperty("id").GetInt64()}");
        untracked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await fixture.Owner.GetJsonAsync(path)).ToString().ShouldNotContain(name);
    }

    /// <summary>Tenant "fresh" with an owner and one tracked repository.</summary>
    public sealed class OwnedTenant : IAsyncLifetime
    {
        private WebApp? _app;

        public WebCaller Owner { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _app = await WebApp.StartAsync();
            var tenant = await _app.CreateTenantAsync("fresh");
            var owner = await _app.CreateUserAsync("owner@fresh.example");
            await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
            await _app.TrackAsync(tenant, "octo", "already-there");
            Owner = _app.As(owner);
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
