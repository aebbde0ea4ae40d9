using System.Globalization;
using System.Net;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Testing;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>
/// Owner-wide tracking over HTTP: an owner tracks every repository of a GitHub organisation with include and exclude
/// patterns (and another organisation without filters), a maintainer collects, and exactly the repositories that pass
/// the filters are tracked, with the traffic the simulator served.
/// </summary>
public sealed class OwnerTrackingEndToEndTests(OwnerTrackingEndToEndTests.OwnerTrackedApp fixture) : IClassFixture<OwnerTrackingEndToEndTests.OwnerTrackedApp>
{
    [Fact]
    public void TheRun_Succeeded_WithNoErrors()
    {
        var run = fixture.Run;

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("reposOk").GetInt32().ShouldBe(OwnerTrackedApp.Expected.Length + 1);
        run.GetProperty("errors").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ExactlyTheRepositoriesThatPassTheFilters_AreTracked()
    {
        var repositories = await fixture.Owner.GetJsonAsync("api/v1/repos?tenant=owners");

        repositories.EnumerateArray().Select(r => r.GetProperty("fullName").GetString())
            .ShouldBe([.. OwnerTrackedApp.Expected.Select(name => "acme/" + name), "other/only-one"], ignoreOrder: true);
        repositories.EnumerateArray().ShouldAllBe(r => r.GetProperty("lastStatus").GetString() == "ok");
        foreach (var repository in repositories.EnumerateArray())
        {
            // A tracked owner's connection goes with the repositories it finds; "other" names none, so the tenant's first is used.
            var connection = repository.GetProperty("connectionId");
            if (repository.GetProperty("owner").GetString() == "acme")
            {
                connection.GetInt64().ShouldBe(fixture.ConnectionId);
            }
            else
            {
                connection.ValueKind.ShouldBe(JsonValueKind.Null);
            }
        }
    }

    [Fact]
    public async Task EachTrackedRepository_HasTheTrafficTheSimulatorServed()
    {
        var repositories = await fixture.Owner.GetJsonAsync("api/v1/repos?tenant=owners");
        var range = $"from={Day(fixture.Today.AddDays(-13))}&to={Day(fixture.Today)}";

        foreach (var repository in repositories.EnumerateArray())
        {
            var (owner, name) = (repository.GetProperty("owner").GetString()!, repository.GetProperty("name").GetString()!);
            var served = fixture.Simulator.Repository(owner, name).ServedDays(fixture.SimulatedNow);
            var traffic = await fixture.Owner.GetJsonAsync($"api/v1/repos/{repository.GetProperty("id").GetInt64()}/traffic?{range}");

            served.Sum(d => d.Views).ShouldBeGreaterThan(0, $"the simulator should serve views for {owner}/{name}");
            traffic.GetProperty("totals").GetProperty("views").GetInt64().ShouldBe(served.Sum(d => d.Views), $"{owner}/{name}");
            traffic.GetProperty("totals").GetProperty("clones").GetInt64().ShouldBe(served.Sum(d => d.Clones), $"{owner}/{name}");
        }
    }

    [Fact]
    public async Task TheTrackedOwner_IsListed_WithItsFilters()
    {
        var owners = await fixture.Owner.GetJsonAsync("api/v1/tenants/owners/owners");

        var owner = owners.EnumerateArray().Where(o => o.GetProperty("id").GetInt64() == fixture.TrackedOwnerId).ShouldHaveSingleItem();
        owner.GetProperty("owner").GetString().ShouldBe("acme");
        owner.GetProperty("connectionId").GetInt64().ShouldBe(fixture.ConnectionId);
        owner.GetProperty("include").GetString().ShouldBe("api-*,web");
        owner.GetProperty("exclude").GetString().ShouldBe("*-old");
        owner.GetProperty("skipForks").GetBoolean().ShouldBeTrue();
        owner.GetProperty("skipArchived").GetBoolean().ShouldBeTrue();
        owner.GetProperty("addedAt").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task UntrackingAnOwner_KeepsTheRepositoriesFoundSoFar()
    {
        using (var removed = await fixture.Owner.DeleteAsync($"api/v1/tenants/owners/owners/{fixture.OtherOwnerId}"))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await removed.Content.ReadAsStringAsync());
        }

        using (var again = await fixture.Owner.DeleteAsync($"api/v1/tenants/owners/owners/{fixture.OtherOwnerId}"))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await fixture.Owner.GetJsonAsync("api/v1/tenants/owners/owners")).EnumerateArray().Select(o => o.GetProperty("owner").GetString()).ShouldNotContain("other");
        (await fixture.Owner.GetJsonAsync("api/v1/repos?tenant=owners")).EnumerateArray().Select(r => r.GetProperty("fullName").GetString()).ShouldContain("other/only-one");
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The simulator's organisation acme with repositories that the filters take or leave, and an app where an owner
    /// tracked acme with include "api-*, web" and exclude "*-old" through the API, and a maintainer collected.
    /// </summary>
    public sealed class OwnerTrackedApp : IAsyncLifetime
    {
        /// <summary>What the filters let through: api-* and web, not *-old, no fork, nothing archived.</summary>
        public static readonly string[] Expected = ["api-core", "api-gateway", "web"];

        private GitHubSimulator? _simulator;
        private WebApp? _app;

        public GitHubSimulator Simulator => _simulator ?? throw new InvalidOperationException("Not started.");

        public WebApp App => _app ?? throw new InvalidOperationException("Not started.");

        public DateTimeOffset SimulatedNow { get; private set; }

        public DateOnly Today => DateOnly.FromDateTime(SimulatedNow.UtcDateTime);

        public WebCaller Owner { get; private set; } = null!;

        public long ConnectionId { get; private set; }

        public long TrackedOwnerId { get; private set; }

        /// <summary>The owner "other", tracked without filters.</summary>
        public long OtherOwnerId { get; private set; }

        public JsonElement Run { get; private set; }

        public async Task InitializeAsync()
        {
            _simulator = await GitHubSimulator.StartAsync();
            SimulatedNow = _simulator.Clock.GetUtcNow();
            var seed = 10;
            foreach (var name in Expected)
            {
                _simulator.AddRepository("acme", name, seed++);
            }

            _simulator.AddRepository("acme", "api-old", seed++);
            _simulator.AddRepository("acme", "docs", seed++);
            _simulator.AddRepository("acme", "website", seed++);
            _simulator.AddRepository("acme", "api-fork", seed++, r => r.Fork = true);
            _simulator.AddRepository("acme", "api-archived", seed++, r => r.Archived = true);
            _simulator.AddRepository("other", "only-one", seed++);
            var gitHubToken = _simulator.AddToken(canPushTo: ["acme/*", "other/*"]);

            _app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(SimulatedNow) });
            var tenant = await _app.CreateTenantAsync("owners");
            var owner = await _app.CreateUserAsync("owner@owners.example");
            await _app.AddMemberAsync(tenant, owner, TenantRole.Owner);
            Owner = _app.As(owner);
            var maintainer = _app.As(await _app.CreateUserAsync("maintainer@owners.example", SystemRole.Maintainer));

            var connection = await Owner.PostJsonExpectingAsync("api/v1/tenants/owners/connections",
                new { name = "simulator", kind = "pat", apiBaseUrl = _simulator.BaseAddress, token = gitHubToken }, HttpStatusCode.Created);
            ConnectionId = connection.GetProperty("id").GetInt64();
            var tracked = await Owner.PostJsonExpectingAsync("api/v1/tenants/owners/owners",
                new { owner = "acme", connectionId = ConnectionId, include = "api-*, web", exclude = "*-old" }, HttpStatusCode.Created);
            TrackedOwnerId = tracked.GetProperty("id").GetInt64();
            var other = await Owner.PostJsonExpectingAsync("api/v1/tenants/owners/owners", new { owner = "other" }, HttpStatusCode.Created);
            OtherOwnerId = other.GetProperty("id").GetInt64();

            Run = await maintainer.CollectAsync("owners");
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
