using System.Net;
using System.Text.Json;
using GhStats.Diagnostics;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests;

/// <summary>/healthz, /readyz and GhStats' health checks in the app's own health check service.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task WhenTheDatabaseIsGone_HealthzStaysOk_AndReadyzAnswers503WithoutTheErrorText()
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-health-").FullName;
        var databasePath = Path.Combine(folder, "ghstats.db");
        await using var app = await WebApp.StartAsync(new WebAppOptions { DatabasePath = databasePath });
        using var anonymous = app.Anonymous();
        (await anonymous.GetAsync("readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without its folder SQLite cannot even create a new file, so no connection opens.
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        using var health = await anonymous.GetAsync("healthz");
        using var ready = await anonymous.GetAsync("readyz");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var body = await ready.Content.ReadAsStringAsync();
        var checks = Checks(JsonDocument.Parse(body).RootElement);
        checks[GhStatsHealthChecks.Database].ShouldBe("Unhealthy");
        checks[GhStatsHealthChecks.Schema].ShouldBe("Unhealthy");
        body.ShouldNotContain("SQLite", Case.Insensitive);
        body.ShouldNotContain(folder);
        app.Logs.Warnings.ShouldContain(e => e.Message.Contains("database cannot be reached", StringComparison.Ordinal) && e.Message.Contains("SQLite", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WhenTheDatabaseFileIsNotADatabase_ReadyzAnswers503_WithGenericReasonsOnly()
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-health-").FullName;
        var databasePath = Path.Combine(folder, "ghstats.db");
        await using var app = await WebApp.StartAsync(new WebAppOptions { DatabasePath = databasePath });
        using var anonymous = app.Anonymous();
        (await anonymous.GetAsync("readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Every check now throws or reports a driver error ("file is not a database") instead of a clean "unreachable".
        SqliteConnection.ClearAllPools();
        await File.WriteAllTextAsync(databasePath, new string('x', 8192));
        using var ready = await anonymous.GetAsync("readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldNotContain("SQLite", Case.Insensitive);
        body.ShouldNotContain("not a database", Case.Insensitive);
        body.ShouldNotContain("Exception", Case.Insensitive);
        body.ShouldNotContain(folder);
        app.Logs.Warnings.ShouldContain(e => e.Message.Contains("not a database", StringComparison.OrdinalIgnoreCase) || (e.Exception != null && e.Exception.Message.Contains("not a database", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task WhenTheSchemaIsCurrent_ReadyzIsOk_WithEveryGhStatsCheckHealthy()
    {
        await using var app = await WebApp.StartAsync();
        using var anonymous = app.Anonymous();

        using var ready = await anonymous.GetAsync("readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("status").GetString().ShouldBe("ready");
        body.GetProperty("health").GetString().ShouldBe("Healthy");
        Checks(body).ShouldBe(new Dictionary<string, string>
        {
            [GhStatsHealthChecks.Database] = "Healthy",
            [GhStatsHealthChecks.Schema] = "Healthy",
            [GhStatsHealthChecks.Collection] = "Healthy",
        });
    }

    [Fact]
    public async Task WhenTheSchemaIsBehind_ReadyzSaysNotReady_AndHealthzStaysOk()
    {
        await using var app = await WebApp.StartAsync();
        using (var database = app.OpenDatabase())
        using (var command = database.CreateCommand())
        {
            command.CommandText = "DELETE FROM schema_versions WHERE version = (SELECT MAX(version) FROM schema_versions)";
            command.ExecuteNonQuery().ShouldBe(1);
        }

        using var anonymous = app.Anonymous();
        using var health = await anonymous.GetAsync("healthz");
        using var ready = await anonymous.GetAsync("readyz");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = Checks(JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement);
        checks[GhStatsHealthChecks.Database].ShouldBe("Healthy");
        checks[GhStatsHealthChecks.Schema].ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task AnEmbeddingAppsOwnHealthEndpoint_WithATagPredicate_RunsGhStatsChecks()
    {
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Prefix = "/stats",
            ConfigureServices = services => services.AddHealthChecks().AddCheck("app.cache", () => HealthCheckResult.Healthy(), ["ready"]),
            ConfigureApp = web => web.MapHealthChecks("/ready", new HealthCheckOptions
            {
                Predicate = registration => registration.Tags.Contains("ready"),
                ResponseWriter = (context, report) => context.Response.WriteAsync(string.Join(",", report.Entries.Keys.Order(StringComparer.Ordinal))),
            }),
        });
        using var root = new WebCaller(app.Root);

        using var own = await root.GetAsync("ready");
        using var ghStats = await root.GetAsync("stats/readyz");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadAsStringAsync()).ShouldBe("app.cache,ghstats.collection,ghstats.database,ghstats.schema");
        Checks(JsonDocument.Parse(await ghStats.Content.ReadAsStringAsync()).RootElement).Keys.ShouldNotContain("app.cache");
    }

    [Fact]
    public async Task TheCollectionCheck_IsDegraded_OnceTheLastCollectionIsOlderThanTheMaximumAge()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        await using var app = await WebApp.StartAsync(new WebAppOptions
        {
            Clock = clock,
            Settings = new Dictionary<string, string?> { ["GhStats:Health:CollectionMaxAge"] = "1.00:00:00" },
        });
        var health = app.Get<HealthCheckService>();
        async Task<HealthStatus> FreshnessAsync() =>
            (await health.CheckHealthAsync(r => r.Name == GhStatsHealthChecks.Collection)).Entries[GhStatsHealthChecks.Collection].Status;

        (await FreshnessAsync()).ShouldBe(HealthStatus.Healthy, "nothing is tracked, so nothing is expected");

        await app.TrackAsync(await app.CreateTenantAsync("fresh"), "fresh-owner", "fresh-repo");
        (await FreshnessAsync()).ShouldBe(HealthStatus.Degraded, "a tracked repository has never been collected");

        var runs = app.Get<ICollectionRunStore>();
        var run = await runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        await runs.FinishAsync(run.Id, CollectionRunStatus.Succeeded, new CollectionProgress(1, 1, 0, 5, null));
        (await FreshnessAsync()).ShouldBe(HealthStatus.Healthy);

        clock.Advance(TimeSpan.FromHours(23));
        (await FreshnessAsync()).ShouldBe(HealthStatus.Healthy);

        // A later run that stored nothing does not make the data fresh again.
        var failed = await runs.StartAsync(CollectionTrigger.Schedule, "schedule");
        await runs.FinishAsync(failed.Id, CollectionRunStatus.Failed, new CollectionProgress(1, 0, 1, 1, null));
        clock.Advance(TimeSpan.FromHours(2));
        (await FreshnessAsync()).ShouldBe(HealthStatus.Degraded);

        // Degraded is not "not ready": the replica still serves what it has.
        using var anonymous = app.Anonymous();
        using var ready = await anonymous.GetAsync("readyz");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("health").GetString().ShouldBe("Degraded");
    }

    [Fact]
    public async Task AZeroCollectionMaxAge_StopsTheAppAtStart()
    {
        var failure = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => WebApp.StartAsync(new WebAppOptions
        {
            Settings = new Dictionary<string, string?> { ["GhStats:Health:CollectionMaxAge"] = "00:00:00" },
        }));

        failure.Message.ShouldContain("GhStats:Health:CollectionMaxAge");
    }

    private static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
}
