using GhStats.Testing;
using GhStats.Administration;
using System.Globalization;
using System.Net;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GhStats.Client.Tests.Harness;

/// <summary>
/// The real GhStats server in this process, wired as GhStats.Host wires it (AddGhStats(config).UseSqlite()
/// .AddGitHubCollector().AddTransfer().AddWeb(), MapGhStats(prefix)) on Kestrel at 127.0.0.1 and a free port, with a fresh SQLite
/// file. Seeding goes through the server's own stores and <see cref="GhStatsAdministration"/>.
/// </summary>
public sealed class GhStatsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly string _connectionString;

    private GhStatsServer(WebApplication app, string folder, string connectionString, string prefix)
    {
        _app = app;
        _folder = folder;
        _connectionString = connectionString;
        Prefix = prefix;
    }

    /// <summary>The prefix GhStats is mapped under: "" or e.g. "/stats".</summary>
    public string Prefix { get; }

    /// <summary>"http://127.0.0.1:{port}/" plus the prefix, ending with a slash: what a client's BaseAddress is set to.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public GhStatsAdministration Administration => Get<GhStatsAdministration>();

    /// <summary>
    /// Starts a server; <paramref name="clock"/> puts it on another calendar (the GitHub simulator's); <paramref name="settings"/>
    /// adds configuration as the host's appsettings would.
    /// </summary>
    public static async Task<GhStatsServer> StartAsync(string prefix = "", TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("ghstats-client-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "ghstats.db")}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GhStats:Sqlite:ConnectionString"] = connectionString,

            // Seeding writes roles and tokens through the stores, as another replica would; the cache would hide them.
            ["GhStats:Api:AccessCacheLifetime"] = "00:00:00",
            ["GhStats:Collector:RetryBaseDelay"] = "00:00:00.020",
            ["GhStats:Collector:ProgressInterval"] = "00:00:00.100",

            // The GitHub simulator listens on loopback over http: the operator (the test) allows exactly that.
            ["GhStats:GitHub:AllowedHosts:0:Host"] = "127.0.0.1",
            ["GhStats:GitHub:AllowedHosts:0:AllowHttp"] = "true",
            ["GhStats:GitHub:AllowedHosts:0:AllowPrivateAddresses"] = "true",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite().AddGitHubCollector().AddTransfer().AddWeb();
        var app = builder.Build();
        var server = new GhStatsServer(app, folder, connectionString, prefix);
        try
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapGhStats(prefix);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var port = new Uri(address).Port.ToString(CultureInfo.InvariantCulture);
            var path = prefix.Trim('/').Length == 0 ? "/" : "/" + prefix.Trim('/') + "/";
            server.BaseAddress = new Uri($"http://127.0.0.1:{port}{path}");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A profile with a personal API token minted by <see cref="GhStatsAdministration.CreateApiTokenAsync(string, string, int, CancellationToken)"/>.</summary>
    public async Task<SeededUser> CreateUserAsync(string email, SystemRole? role = null, int tokenDays = 30)
    {
        var issued = await Administration.CreateApiTokenAsync(email, "contract test", tokenDays);
        if (role is { } systemRole)
        {
            await Get<IUserStore>().AddSystemRoleAsync(issued.Token.UserId, systemRole);
        }

        return new SeededUser(issued.Token.UserId, email, issued.Token.Id, issued.Secret);
    }

    /// <summary>A client for <paramref name="user"/>, made as a script makes one.</summary>
    public IGhStatsClient ClientFor(SeededUser user, TimeSpan? timeout = null) => GhStatsClient.Create(new GhStatsClientOptions
    {
        BaseAddress = BaseAddress,
        Token = user.Token,
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    /// <summary>Stores a week of daily traffic for a repository: day i (0 = <paramref name="lastDay"/> - 6) has views 10+i, unique 1+i, clones 2+i, unique clones 1.</summary>
    public async Task<IReadOnlyList<TrafficDay>> SeedTrafficAsync(long repositoryId, DateOnly lastDay)
    {
        var days = Enumerable.Range(0, 7)
            .Select(i => new TrafficDay(repositoryId, lastDay.AddDays(i - 6), Views: 10 + i, UniqueViews: 1 + i, Clones: 2 + i, UniqueClones: 1))
            .ToList();
        await Get<ITrafficStore>().MergeTrafficDaysAsync(days);
        return days;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _app.StopAsync(stopping.Token);
            }
            catch (InvalidOperationException)
            {
                // Never started.
            }
        }

        await _app.DisposeAsync();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left behind.
        }
    }
}
