using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using GhStats.Administration;
using GhStats.Bench.Merge;
using GhStats.Bench.Queries;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Overview;

/// <summary>
/// The `overview` command: the overview page's API request (one page of 50, sorted by views, descending) for a tenant
/// of 10,000 repositories x 90 days, cold (a GhStats app whose response cache is off: every request runs the summary
/// SQL) and warm (the cache on), on SQLite and PostgreSQL. In the same run, in the same process, one request after
/// another: the baselines (a bare Kestrel route answering the same bytes; the store's two summary calls alone, which
/// any cold answer must make) and the answer without paging (every row, as before).
/// </summary>
/// <param name="options">What to run.</param>
/// <param name="repositoryRoot">The checkout, for bench/results.</param>
internal sealed class OverviewBenchmark(OverviewOptions options, string repositoryRoot)
{
    private const string CallerEmail = "bench-overview@example.com";

    public async Task<int> RunAsync()
    {
        List<string> report =
        [
            "# overview: the 10,000-repository overview page's API request",
            string.Empty,
            FormattableString.Invariant($"- Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench -- overview {options.ToArguments()}`"),
            FormattableString.Invariant($"- Data: 1 tenant, {options.Repositories:N0} repositories x {options.Days} days, seeded through ITrafficStore.MergeTrafficWindowAsync; the summary covers the {options.Days} days"),
            "- One request at a time over one keep-alive HttpClient connection, in the benchmark's process (GhStats apps, baseline and client share it); a personal API token of a tenant viewer",
            FormattableString.Invariant($"- Cold: {options.ColdRequests} requests after {options.ColdWarmup} unmeasured; warm: {options.WarmRequests} after {options.WarmRequests / 5} unmeasured"),
            .. MachineDescription.Lines(),
            string.Empty,
        ];
        foreach (var provider in options.Providers)
        {
            await using StoreUnderTest store = provider == "postgres" ? await PostgresStoreUnderTest.StartAsync() : new SqliteStoreUnderTest();
            report.AddRange(await MeasureAsync(store));
        }

        var markdown = string.Join(Environment.NewLine, report);
        Console.WriteLine(markdown);
        var results = Path.Combine(repositoryRoot, "bench", "results");
        Directory.CreateDirectory(results);
        await File.WriteAllTextAsync(Path.Combine(results, "overview.md"), markdown);
        return 0;
    }

    private async Task<IReadOnlyList<string>> MeasureAsync(StoreUnderTest store)
    {
        var clock = Stopwatch.StartNew();
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var data = new TrafficData(options.Repositories, options.Days, lastDay);
        await using var database = await store.CreateDatabaseAsync(options.Repositories, repositoriesPerTenant: options.Repositories);
        foreach (var days in data.RowsFor(database.RepositoryIds))
        {
            await database.Traffic.MergeTrafficWindowAsync(new TrafficWindow(days[0].RepositoryId, days[0].Day, days[^1].Day, days, days[^1].Day));
        }

        Progress($"{store.DisplayName}: seeded {options.Repositories:N0} x {options.Days} days in {clock.Elapsed.TotalSeconds:0} s");
        var tenant = await database.Get<ITenantStore>().FindBySlugAsync("bench-0") ?? throw new InvalidOperationException("No tenant bench-0.");
        var from = data.FirstDay;
        var range = FormattableString.Invariant($"tenant=bench-0&from={from:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}");
        var page = $"/api/v1/traffic/summary?{range}&sort=views&order=desc&offset=0&limit=50";
        var all = $"/api/v1/traffic/summary?{range}";

        await using var warm = await StartGhStatsAsync(store, database.ConnectionString, cacheMegabytes: 64);
        await using var cold = await StartGhStatsAsync(store, database.ConnectionString, cacheMegabytes: 0);
        var token = await CreateCallerAsync(warm.Services, tenant);
        using var warmClient = Client(warm, token);
        using var coldClient = Client(cold, token);
        var pageBytes = await warmClient.GetByteArrayAsync(new Uri(page, UriKind.Relative));
        await using var bare = await StartBareAsync(pageBytes);
        using var bareClient = Client(bare, null);

        var traffic = database.Traffic;
        var summaryRange = new DateRange(from, lastDay);
        var previous = new DateRange(from.AddDays(-options.Days), from.AddDays(-1));
        var rows = new List<(string Name, LatencySummary Latency)>
        {
            ("bare Kestrel, the page's bytes (warm baseline)", await TimeAsync(options.WarmRequests, () => GetAsync(bareClient, page))),
            ("ITrafficStore.GetTenantSummaryAsync x2 (range and period before), alone (cold baseline)", await TimeAsync(options.ColdRequests, async () =>
            {
                await traffic.GetTenantSummaryAsync(tenant.Id, summaryRange);
                await traffic.GetTenantSummaryAsync(tenant.Id, previous);
            }, options.ColdWarmup)),
            ("GhStats page of 50, cold (response cache off)", await TimeAsync(options.ColdRequests, () => GetAsync(coldClient, page), options.ColdWarmup)),
            ("GhStats every row (no paging), cold", await TimeAsync(options.ColdRequests, () => GetAsync(coldClient, all), options.ColdWarmup)),
            ("GhStats page of 50, warm (the page's JSON cached)", await TimeAsync(options.WarmRequests, () => GetAsync(warmClient, page))),
        };

        // Every request a page not asked before: the rows come from the cache, the page is sorted and cut afresh.
        var sorts = new[] { "views", "clones", "stars", "fullName", "viewsChange", "daysSinceRead" };
        var next = 0;
        rows.Add(("GhStats page of 50, warm rows, a new page each request (sort and cut in memory)", await TimeAsync(options.WarmRequests, () =>
        {
            var n = Interlocked.Increment(ref next);
            return GetAsync(warmClient, FormattableString.Invariant(
                $"/api/v1/traffic/summary?{range}&sort={sorts[n % sorts.Length]}&order={(n / sorts.Length % 2 == 0 ? "desc" : "asc")}&offset={n * 50 % options.Repositories}&limit=50"));
        })));
        rows.Add(("GhStats every row (no paging), warm", await TimeAsync(options.WarmRequests, () => GetAsync(warmClient, all))));

        var warmBaseline = rows[0].Latency.P95Ms;
        var coldBaseline = rows[1].Latency.P95Ms;
        List<string> lines =
        [
            FormattableString.Invariant($"## {store.DisplayName} ({pageBytes.Length:N0} bytes a page; {(await warmClient.GetByteArrayAsync(new Uri(all, UriKind.Relative))).Length:N0} bytes every row)"),
            string.Empty,
            .. await store.DescribeAsync(),
            string.Empty,
            "| request | p50 ms | p95 ms | max ms | p95 vs warm baseline | p95 vs cold baseline |",
            "|---|---:|---:|---:|---:|---:|",
        ];
        foreach (var (name, latency) in rows)
        {
            lines.Add(FormattableString.Invariant(
                $"| {name} | {latency.P50Ms:0.00} | {latency.P95Ms:0.00} | {latency.MaxMs:0.00} | {latency.P95Ms / warmBaseline:0.0}x | {latency.P95Ms / coldBaseline:0.00}x |"));
        }

        lines.Add(string.Empty);
        foreach (var line in lines)
        {
            Progress(line);
        }

        return lines;
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<LatencySummary> TimeAsync(int requests, Func<Task> request, int? warmup = null)
    {
        for (var i = 0; i < (warmup ?? requests / 5); i++)
        {
            await request();
        }

        var samples = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await request();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new LatencySummary(samples.Length, samples.Average(), Percentile(samples, 0.50), Percentile(samples, 0.90), Percentile(samples, 0.95), Percentile(samples, 0.99), samples[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<WebApplication> StartGhStatsAsync(StoreUnderTest store, string connectionString, int cacheMegabytes)
    {
        var builder = Builder();
        var config = builder.Configuration;
        config["GhStats:RateLimits:ApiToken:PermitLimit"] = "0";
        config["GhStats:Api:ResponseCacheMegabytes"] = cacheMegabytes.ToString(CultureInfo.InvariantCulture);
        var ghStats = builder.Services.AddGhStats(config.GetSection("GhStats"));
        _ = store.Name == "postgres" ? ghStats.UsePostgres(connectionString) : ghStats.UseSqlite(connectionString);
        ghStats.AddWeb();
        var app = builder.Build();
        app.MapGhStats();
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartBareAsync(byte[] body)
    {
        var app = Builder().Build();
        app.MapGet("/api/v1/traffic/summary", () => Results.Bytes(body, "application/json; charset=utf-8"));
        await app.StartAsync();
        return app;
    }

    private static WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders().AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder;
    }

    private static HttpClient Client(WebApplication app, string? token)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<string> CreateCallerAsync(IServiceProvider services, Tenant tenant)
    {
        var administration = services.GetRequiredService<GhStatsAdministration>();
        var issued = await administration.CreateApiTokenAsync(CallerEmail, "overview benchmark", 1);
        if (await administration.SetMemberAsync(tenant.Id, CallerEmail, TenantRole.Viewer) != MemberStatus.Member)
        {
            throw new InvalidOperationException($"{CallerEmail} was invited, not made a member.");
        }

        return issued.Secret;
    }

    private static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {message}"));
}
