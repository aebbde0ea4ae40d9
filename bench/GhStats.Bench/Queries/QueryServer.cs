using GhStats.Administration;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Queries;

/// <summary>
/// The server process: GhStats' real web module on Kestrel (wired as samples/GhStats.Host wires it, Production, logging at
/// Warning), and on a second port a bare Kestrel app whose two routes return the exact bytes GhStats answered at start-up,
/// plus /_bench/memory for the load generator. Prints <see cref="ServerReady"/> as one JSON line on stdout, then serves
/// until stdin says "stop" or closes (so it never outlives the driver).
/// </summary>
/// <param name="options">What to serve.</param>
internal sealed class QueryServer(ServerOptions options)
{
    public const string MemoryPath = "/_bench/memory";
    private const string CallerEmail = "bench-reader@example.com";

    public async Task<int> RunAsync()
    {
        var contentRoot = Path.GetDirectoryName(Path.GetFullPath(options.Database))!;
        using var memory = new ServerMemory();
        var probe = new StoreProbe();
        await using var ghStats = BuildGhStats(contentRoot, probe);
        await ghStats.StartAsync();
        var ghStatsAddress = Address(ghStats);

        var tenant = await ghStats.Services.GetRequiredService<ITenantStore>().FindBySlugAsync(options.TenantSlug)
            ?? throw new InvalidOperationException($"The database has no tenant '{options.TenantSlug}'.");
        var token = await CreateCallerAsync(ghStats.Services, tenant);
        var (series, contentType) = await FetchAsync(ghStatsAddress, options.SeriesPath, token);
        var (summary, _) = await FetchAsync(ghStatsAddress, options.SummaryPath, token);
        var repositories = await ghStats.Services.GetRequiredService<IRepositoryStore>().ListAsync(tenant.Id);
        probe.Arm(tenant, options.SeriesPath, options.SummaryPath, series, summary, contentType, repositories.Count);

        await using var baseline = BuildBaseline(contentRoot, series, summary, contentType, memory);
        await baseline.StartAsync();
        var ready = new ServerReady(ghStatsAddress, Address(baseline), token, ResponseBody.Of(series), ResponseBody.Of(summary), contentType, memory.Read(reset: true));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(ready, BenchJson.Options));
        await Console.Out.FlushAsync();

        while (await Console.In.ReadLineAsync() is { } line && line.Trim() != "stop")
        {
            // Nothing else is asked on stdin; the line only keeps the server up.
        }

        await baseline.StopAsync();
        await ghStats.StopAsync();
        return 0;
    }

    private static WebApplicationBuilder Builder(string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = contentRoot });

        // stdout carries the ready line, so the console logger writes to stderr; Warning as in a quiet production host.
        builder.Logging.ClearProviders()
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    private static WebApplication BuildBaseline(string contentRoot, byte[] series, byte[] summary, string contentType, ServerMemory memory)
    {
        var app = Builder(contentRoot).Build();

        // The same route templates as GhStats, so routing costs alike; no authentication, no database, no serialization.
        app.MapGet("/api/v1/repos/{id:long}/traffic", (long id) => Results.Bytes(series, contentType));
        app.MapGet("/api/v1/traffic/summary", () => Results.Bytes(summary, contentType));
        app.MapGet(MemoryPath, (bool? reset) => Results.Json(memory.Read(reset == true), BenchJson.Options));
        return app;
    }

    private WebApplication BuildGhStats(string contentRoot, StoreProbe probe)
    {
        var builder = Builder(contentRoot);
        var config = builder.Configuration;

        // The per-token rate limit (600 requests a minute by default) would answer most of the load with 429: the
        // benchmark's one caller is a load generator, not an abusive client. 0 turns that partition off; the rate
        // limiter middleware still runs and picks the partition for every request.
        config["GhStats:RateLimits:ApiToken:PermitLimit"] = "0";
        builder.Services.AddGhStats(config.GetSection("GhStats"))
            .UseSqlite($"Data Source={options.Database}")
            .AddGitHubCollector()
            .AddWeb();
        var app = builder.Build();

        // As samples/GhStats.Host/Program.cs.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGhStats();

        // Diagnostics beside GhStats, not in it: its route table gains two anonymous routes under /_bench.
        probe.Map(app);
        return app;
    }

    /// <summary>The benchmark's caller: a profile with a personal API token and the chosen role, made through GhStatsAdministration.</summary>
    private async Task<string> CreateCallerAsync(IServiceProvider services, Tenant tenant)
    {
        var administration = services.GetRequiredService<GhStatsAdministration>();
        var issued = await administration.CreateApiTokenAsync(CallerEmail, "query benchmark", 1);
        if (options.Role is { } role)
        {
            if (await administration.SetMemberAsync(tenant.Id, CallerEmail, role) != MemberStatus.Member)
            {
                throw new InvalidOperationException($"{CallerEmail} was invited, not made a member; the token's profile should exist by now.");
            }
        }
        else
        {
            await administration.AddAdminAsync(CallerEmail);
        }

        return issued.Secret;
    }

    private static async Task<(byte[] Body, string ContentType)> FetchAsync(string baseAddress, string pathAndQuery, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GhStats answered {(int)response.StatusCode} to {pathAndQuery}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        return (body, response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }
}
