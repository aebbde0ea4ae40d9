using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GhStats.Administration;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing.GitHub;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GhStats.Bench.Collection;

/// <summary>
/// The host's memory under load: a GhStats host (SQLite, collector, web API; its own process, server GC as an ASP.NET Core
/// host has by default) collects thousands of repositories from the simulator over several connections while API callers
/// ask for the overview, summaries and series. The host samples its own working set and GC heap every 50 ms; the
/// simulator and the callers live in this process, apart from what is measured.
/// </summary>
internal static class MemoryBench
{
    private const string CallerEmail = "bench-memory@example.com";
    private const string TenantSlug = "mem";

    public static async Task<string> RunAsync(int repos, int connections, int seconds, int callers, bool serverGc, int conserveMemory)
    {
        if (conserveMemory is < 0 or > 9)
        {
            throw new ArgumentOutOfRangeException(nameof(conserveMemory), conserveMemory, "--conserve-memory takes 0 (.NET's default) to 9.");
        }

        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = MachineLoad.Read();
        var now = DateTimeOffset.UtcNow;
        await using var simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions
        {
            Latency = TimeSpan.FromMilliseconds(150),
            MaxLatency = TimeSpan.FromMilliseconds(400),
            SimulatedNow = now,
            MaxConcurrentRequests = 1000,
        });
        simulator.Clock.Set(now);
        simulator.AddRepositories("mem", repos);
        var tokens = Enumerable.Range(0, connections).Select(_ => simulator.AddToken(rateLimit: 1_000_000, canPushTo: "mem/*")).ToList();

        var folder = Directory.CreateTempSubdirectory("ghstats-bench-memory-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(MemoryBench).Assembly.Location);
        foreach (var arg in new[] { "memory-host", "--simulator", simulator.BaseAddress, "--repos", repos.ToString(CultureInfo.InvariantCulture), "--db", Path.Combine(folder, "ghstats.db"), "--tokens", string.Join(',', tokens) })
        {
            start.ArgumentList.Add(arg);
        }

        // The workstation GC and conserve-memory 7 by default, as samples/GhStats.Host and the template set them; --server-gc
        // true for a web project's default, --conserve-memory 0 for .NET's.
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        start.Environment["DOTNET_GCConserveMemory"] = conserveMemory.ToString(CultureInfo.InvariantCulture);
        using var host = Process.Start(start) ?? throw new InvalidOperationException("The host process did not start.");
        try
        {
            string? line;
            while ((line = await host.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("ready ", StringComparison.Ordinal))
            {
            }

            var ready = (line ?? throw new InvalidOperationException("The host ended before it was ready.")).Split(' ');
            var (address, apiToken, repositoryId) = (ready[1], ready[2], ready[3]);
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            string[] paths =
            [
                $"/api/v1/repos?tenant={TenantSlug}",
                $"/api/v1/traffic/summary?tenant={TenantSlug}&from={today.AddDays(-90):yyyy-MM-dd}&to={today:yyyy-MM-dd}",
                $"/api/v1/traffic/summary?tenant={TenantSlug}&from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}",
                $"/api/v1/repos/{repositoryId}/traffic?from={today.AddDays(-365):yyyy-MM-dd}&to={today:yyyy-MM-dd}&per=day",
            ];

            // The collection starts with the load (the host started it when it printed its ready line).
            var deadline = Stopwatch.StartNew();
            long requests = 0, errors = 0;
            string? firstError = null;
            // The window lasts its seconds with no callers too (the collection alone).
            var window = Task.Delay(TimeSpan.FromSeconds(seconds));
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
            {
                for (var i = caller; deadline.Elapsed < TimeSpan.FromSeconds(seconds); i++)
                {
                    try
                    {
                        using var response = await http.GetAsync(new Uri(paths[i % paths.Length], UriKind.Relative));
                        await response.Content.ReadAsByteArrayAsync();
                        Interlocked.Increment(ref requests);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref errors);
                            firstError ??= $"{(int)response.StatusCode} {paths[i % paths.Length]}";
                        }
                    }
                    catch (HttpRequestException exception)
                    {
                        Interlocked.Increment(ref errors);
                        firstError ??= exception.Message;
                    }
                }
            }).Append(window));

            var sample = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_bench/memory", UriKind.Relative))).RootElement;
            double Mb(string name) => sample.GetProperty(name).GetInt64() / (1024.0 * 1024.0);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"## Host memory under load: collecting {repos:N0} repositories over {connections} connections while {callers} API callers ask ({seconds} s)");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"- Run {startedAt:yyyy-MM-dd HH:mm} UTC: `dotnet run -c Release --project bench/GhStats.Bench.Collection -- memory --repos {repos} --connections {connections} --seconds {seconds} --callers {callers} --server-gc {(serverGc ? "true" : "false")} --conserve-memory {conserveMemory}`");
            report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores shared with other work; load average {loadBefore} at the start, {MachineLoad.Read()} at the end");
            report.AppendLine("- The host: its own process, SQLite file, AddGitHubCollector (MaxConcurrency 80, LaneConcurrency 8, one lane per connection) + AddWeb + MapGhStats, " + (serverGc ? "server GC" : "workstation GC") + $", GC conserve-memory {conserveMemory}; simulator latency 150 to 400 ms. The callers cycle through the overview (/api/v1/repos of the tenant), the 90- and 365-day summary and a repository's 365-day series.");
            report.AppendLine();
            report.AppendLine("| peak working set (VmHWM) | highest sampled working set | highest GC heap | highest GC committed | API requests | API errors | repositories collected in the window | GitHub calls |");
            report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| **{Mb("peakWorkingSet"):N0} MB** | {Mb("maxWorkingSet"):N0} MB | {Mb("maxGcHeap"):N0} MB | {Mb("maxGcCommitted"):N0} MB | {requests:N0} | {errors}{(firstError is null ? "" : $" (first: {firstError})")} | {sample.GetProperty("collected").GetInt32():N0} of {repos:N0} | {simulator.Stats.TotalRequests:N0} |");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"- The highest GC heap: gen0 / gen1 / gen2 / large objects / pinned objects {sample.GetProperty("atMaxGcHeap").GetString()}; collections (gen0 / gen1 / gen2) in the run: {sample.GetProperty("gcCounts").GetString()}");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Target: under 200 MB. Peak working set / 200 MB = **{Mb("peakWorkingSet") / 200:N2}**.");
            return report.ToString();
        }
        finally
        {
            host.StandardInput.Close();
            if (!host.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                host.Kill(entireProcessTree: true);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The measured host: prints "ready {address} {api token} {a repository id}", starts a collection, serves until stdin closes.</summary>
    public static async Task HostAsync(string[] args)
    {
        string Value(string name) => args[Array.IndexOf(args, name) + 1];
        var repos = int.Parse(Value("--repos"), CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders().AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var config = builder.Configuration;
        config["GhStats:RateLimits:ApiToken:PermitLimit"] = "0";
        builder.Services.AddGhStats(config.GetSection("GhStats"))
            .UseSqlite($"Data Source={Value("--db")}")
            .AddGitHubCollector(o =>
            {
                (o.MaxConcurrency, o.LaneConcurrency, o.StarBackfillPagesPerRun) = (80, 8, 0);
            })
            .ConfigureGitHubApi(o => o.AllowedHosts.Add(new GitHubApiHost { Host = "127.0.0.1", AllowHttp = true, AllowPrivateAddresses = true }))
            .AddWeb();
        using var memory = new HostMemory();
        var app = builder.Build();
        app.MapGhStats();
        app.MapGet("/_bench/memory", async (IRepositoryStore store, ITenantStore tenants) =>
        {
            var tenant = await tenants.FindBySlugAsync(TenantSlug);
            var collected = (await store.ListTrackedAsync(tenant!.Id)).Count(r => r.LastCollectedAt is not null);
            return Results.Json(memory.Read(collected));
        });
        await app.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync();
        var tenant = await app.Services.GetRequiredService<ITenantStore>().CreateAsync(TenantSlug, "Memory benchmark");
        var secrets = app.Services.GetRequiredService<ISecretProtector>();
        var connections = new List<GitHubConnection>();
        foreach (var token in Value("--tokens").Split(','))
        {
            connections.Add(await app.Services.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
                tenant.Id, "bench pat", GitHubConnectionKind.PersonalAccessToken, Value("--simulator"), secrets.Protect(token))));
        }

        var store = app.Services.GetRequiredService<IRepositoryStore>();
        long firstId = 0;
        for (var i = 0; i < repos; i++)
        {
            var added = await store.AddAsync(tenant.Id, "mem", $"repo-{i:D5}", connections[i % connections.Count].Id);
            firstId = i == 0 ? added.Id : firstId;
        }

        var administration = app.Services.GetRequiredService<GhStatsAdministration>();
        var issued = await administration.CreateApiTokenAsync(CallerEmail, "memory benchmark", 1);
        await administration.AddAdminAsync(CallerEmail);
        await app.StartAsync();
        await app.Services.GetRequiredService<ICollectionService>().StartAsync(new CollectionRequest(CollectionTrigger.Manual, "bench", tenant.Id));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Console.WriteLine($"ready {address} {issued.Secret} {firstId}");
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    /// <summary>This process's working set and GC heap, sampled every 50 ms; the highest values kept.</summary>
    private sealed class HostMemory : IDisposable
    {
        private readonly Timer _timer;
        private long _maxWorkingSet;
        private long _maxGcHeap;
        private long _maxGcCommitted;
        private string _atMaxGcHeap = "";

        public HostMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        public object Read(int collected)
        {
            Sample();
            return new
            {
                peakWorkingSet = PeakWorkingSet(),
                maxWorkingSet = Interlocked.Read(ref _maxWorkingSet),
                maxGcHeap = Interlocked.Read(ref _maxGcHeap),
                maxGcCommitted = Interlocked.Read(ref _maxGcCommitted),
                atMaxGcHeap = Volatile.Read(ref _atMaxGcHeap),
                gcCounts = $"{GC.CollectionCount(0):N0} / {GC.CollectionCount(1):N0} / {GC.CollectionCount(2):N0}",
                collected,
            };
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var info = GC.GetGCMemoryInfo();
            Raise(ref _maxWorkingSet, Environment.WorkingSet);
            if (Raise(ref _maxGcHeap, info.HeapSizeBytes))
            {
                // What the largest heap was made of, after the collection that measured it (gen0, gen1, gen2, large
                // objects, pinned objects), and which generation that collection was.
                var sizes = new List<string>();
                foreach (var generation in info.GenerationInfo)
                {
                    sizes.Add((generation.SizeAfterBytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture));
                }

                var parts = string.Join(" / ", sizes);
                Volatile.Write(ref _atMaxGcHeap, $"{parts} MB after a gen{info.Generation} GC, {info.FragmentedBytes / (1024.0 * 1024.0):0} MB fragmented");
            }

            Raise(ref _maxGcCommitted, info.TotalCommittedBytes);
        }

        /// <summary>Raises a highest value; true when this value raised it.</summary>
        private static bool Raise(ref long max, long value)
        {
            var seen = Interlocked.Read(ref max);
            while (value > seen)
            {
                var previous = Interlocked.CompareExchange(ref max, value, seen);
                if (previous == seen)
                {
                    return true;
                }

                seen = previous;
            }

            return false;
        }

        /// <summary>The kernel's high-water mark of the resident set (VmHWM), which catches peaks between samples.</summary>
        private static long PeakWorkingSet()
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }
}
