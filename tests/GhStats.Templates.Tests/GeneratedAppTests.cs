using System.Net;
using System.Security.Cryptography;
using GhStats.Testing.Postgres;
using Shouldly;
using Xunit;

namespace GhStats.Templates.Tests;

/// <summary>
/// Each generated app that can restore here (sqlite and postgres; IBM's Db2 driver is not on this machine's feed) is
/// restored against the local feed, built, started on loopback and asked for /healthz and /readyz.
/// </summary>
[Collection(TemplateTestGroup.Name)]
public sealed class GeneratedAppTests(TemplateFixture templates)
{
    public static TheoryData<string, string> RunnableVariants => new()
    {
        { "sqlite", "oidc" },
        { "sqlite", "development" },
        { "postgres", "oidc" },
        { "postgres", "development" },
    };

    [Theory]
    [MemberData(nameof(RunnableVariants))]
    public async Task GeneratedApp_BuildsFromThePackages_StartsAndIsHealthyAndReady(string storage, string signin)
    {
        var app = await templates.GenerateAsync(storage, signin);
        var assembly = await templates.BuildAsync(app);

        // Restored from the local feed into this run's own package folder, at the packed version.
        Directory.Exists(Path.Combine(templates.PackagesFolder, "ghstats.web", templates.PackedVersion.ToLowerInvariant())).ShouldBeTrue();

        var environment = new Dictionary<string, string>(templates.Environment());
        string cronSecret;
        if (signin == "development")
        {
            // The Development environment reads the cron secret that `dotnet new` stored in user secrets.
            environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            cronSecret = app.UserSecrets()["GhStats:Cron:Secret"];
        }
        else
        {
            // Production, configured as a deployment would be: by environment variables. The provider is never called
            // before someone signs in; this address is a closed loopback port.
            cronSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["GhStats__Authentication__Oidc__Authority"] = "https://127.0.0.1:9/";
            environment["GhStats__Authentication__Oidc__ClientId"] = "ghstats-template-test";
            environment["GhStats__Authentication__Oidc__ClientSecret"] = "template-test-client-secret";
            environment["GhStats__Bootstrap__AdminEmails__0"] = "admin@example.com";
            environment["GhStats__Cron__Secret"] = cronSecret;
        }

        if (storage == "postgres")
        {
            var server = await PostgresServer.SharedAsync();
            environment["GhStats__Postgres__ConnectionString"] = await server.CreateDatabaseAsync("template_" + signin);
        }

        await using var process = await AppProcess.StartAsync(assembly, app.Directory, environment);
        using var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.OK, process.Output);
        using var readiness = await client.GetAsync(new Uri("readyz", UriKind.Relative));
        readiness.StatusCode.ShouldBe(HttpStatusCode.OK, $"{await readiness.Content.ReadAsStringAsync()}\n{process.Output}");

        // The scheduler's call: the configured secret starts a run, any other is refused.
        using var collect = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/collect", UriKind.Relative));
        collect.Headers.Authorization = new("Bearer", cronSecret);
        using var accepted = await client.SendAsync(collect);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, $"{await accepted.Content.ReadAsStringAsync()}\n{process.Output}");

        using var wrong = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/collect", UriKind.Relative));
        wrong.Headers.Authorization = new("Bearer", new string('0', 64));
        using var refused = await client.SendAsync(wrong);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
