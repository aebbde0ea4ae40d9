using GhStats.Testing;
using GhStats.Administration;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GhStats.Domain;
using GhStats.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace GhStats.Web.Tests.Harness;

/// <summary>
/// A GhStats web app in this process, built as GhStats.Host builds it (AddGhStats(config).UseSqlite().AddGitHubCollector()
/// .AddWeb(); UseExceptionHandler, UseStatusCodePages, MapGhStats(prefix)) and served by real Kestrel on 127.0.0.1 and
/// a free port. Configuration comes from an in-memory dictionary only, so the machine's environment cannot change a
/// test. Seeding goes through the app's own stores and <see cref="GhStatsAdministration"/>.
/// </summary>
public sealed partial class WebApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedFolder;
    private readonly string _connectionString;
    private readonly List<WebCaller> _callers = [];
    private int _disposed;
    private bool _started;

    private WebApp(WebApplication app, WebAppOptions options, TestLogs logs, string databasePath, string connectionString, string? ownedFolder)
    {
        _app = app;
        Options = options;
        Logs = logs;
        DatabasePath = databasePath;
        _connectionString = connectionString;
        _ownedFolder = ownedFolder;
    }

    public WebAppOptions Options { get; }

    /// <summary>Everything the app logged.</summary>
    public TestLogs Logs { get; }

    /// <summary>The SQLite file; pass it as <see cref="WebAppOptions.DatabasePath"/> to start a second replica on it.</summary>
    public string DatabasePath { get; }

    /// <summary>"http://127.0.0.1:{port}/": the server's root, whatever the prefix.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The root plus the prefix, ending with a slash: callers' relative paths start here.</summary>
    public Uri BaseAddress => new(Root, Options.Prefix.Trim('/').Length == 0 ? "" : Options.Prefix.Trim('/') + "/");

    public IServiceProvider Services => _app.Services;

    public GhStatsAdministration Administration => Get<GhStatsAdministration>();

    /// <summary>Builds and starts an app; configuration errors surface here, as they do when the host starts.</summary>
    public static async Task<WebApp> StartAsync(WebAppOptions? options = null)
    {
        options ??= new WebAppOptions();
        string? ownedFolder = null;
        var databasePath = options.DatabasePath;
        if (databasePath is null)
        {
            ownedFolder = Directory.CreateTempSubdirectory("ghstats-web-").FullName;
            databasePath = Path.Combine(ownedFolder, "ghstats.db");
        }

        var connectionString = $"Data Source={databasePath}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = options.Environment,
            ContentRootPath = options.ContentRoot ?? AppContext.BaseDirectory,
        });

        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(Settings(connectionString, Path.GetDirectoryName(Path.GetFullPath(databasePath))!, options.Settings));
        var logs = new TestLogs();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning).AddFilter("System", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        if (options.Clock is { } clock)
        {
            builder.Services.AddSingleton(clock);
        }

        if (options.AddGhStats)
        {
            var ghStats = builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite();
            options.ConfigureGhStats?.Invoke(ghStats);
            if (options.AddCollector)
            {
                ghStats.AddGitHubCollector(options.ConfigureCollector);
            }

            if (options.AddWeb)
            {
                ghStats.AddWeb(options.ConfigureAuthentication);
            }
        }

        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        var web = new WebApp(app, options, logs, databasePath, connectionString, ownedFolder);
        try
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            options.ConfigureApp?.Invoke(app);
            app.MapGhStats(options.Prefix);
            await app.StartAsync();
            web._started = true;
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            web.Root = new Uri("http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture) + "/");
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A caller without credentials.</summary>
    public WebCaller Anonymous() => Track(new WebCaller(BaseAddress));

    /// <summary>A caller that sends <paramref name="token"/> as a Bearer token.</summary>
    public WebCaller WithToken(string token) => Track(new WebCaller(BaseAddress, token));

    /// <summary>A caller with the seeded user's personal API token.</summary>
    public WebCaller As(SeededUser user) => Track(new WebCaller(BaseAddress, user.Token) { UserId = user.Id });

    /// <summary>
    /// Signs in through the development sign-in as a browser would (GET the form, POST it back with its antiforgery
    /// field), then reads the session's antiforgery token from GET api/v1/me. Needs the Development environment.
    /// </summary>
    public async Task<WebCaller> SignInAsync(string email)
    {
        var caller = Track(new WebCaller(BaseAddress));
        using (var form = await caller.GetAsync("signin/development"))
        {
            var html = await form.Content.ReadAsStringAsync();
            form.StatusCode.ShouldBe(HttpStatusCode.OK, "the development sign-in form (is the environment Development?)");
            var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            fields["email"] = email;
            using var post = new HttpRequestMessage(HttpMethod.Post, "signin/development") { Content = new FormUrlEncodedContent(fields) };
            using var signedIn = await caller.Http.SendAsync(post);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        }

        var me = await caller.GetJsonAsync("api/v1/me");
        caller.UserId = me.GetProperty("id").GetInt64();
        caller.AntiforgeryToken = me.GetProperty("antiforgeryToken").GetString();
        return caller;
    }

    /// <summary>Makes a profile (through GhStatsAdministration, as the host's commands do) with a token and, optionally, a system role.</summary>
    public async Task<SeededUser> CreateUserAsync(string email, SystemRole? systemRole = null)
    {
        var issued = await Administration.CreateApiTokenAsync(email, "test token", 30);
        if (systemRole is { } role)
        {
            await Get<IUserStore>().AddSystemRoleAsync(issued.Token.UserId, role);
            ForgetCachedAccess();
        }

        return new SeededUser(issued.Token.UserId, email, issued.Token.Id, issued.Secret);
    }

    public Task<Tenant> CreateTenantAsync(string slug, string? name = null) => Get<ITenantStore>().CreateAsync(slug, name ?? slug);

    public async Task AddMemberAsync(Tenant tenant, SeededUser user, TenantRole role)
    {
        await Administration.SetMemberAsync(tenant.Id, user.Email, role);
        ForgetCachedAccess();
    }

    public async Task GrantAsync(SeededUser user, TrackedRepository repository)
    {
        await Get<IMembershipStore>().GrantRepositoryAsync(user.Id, repository.Id);
        ForgetCachedAccess();
    }

    /// <summary>
    /// Tells this app that roles changed, as a change through its own API or commands would; the helpers above call it.
    /// A change written to the stores directly stands for another replica's and stays hidden for the access cache's lifetime.
    /// </summary>
    public void ForgetCachedAccess() => Get<GhStats.Web.Identity.AccessCache>().Invalidate();

    public Task<TrackedRepository> TrackAsync(Tenant tenant, string owner, string name, long? connectionId = null) =>
        Get<IRepositoryStore>().AddAsync(tenant.Id, owner, name, connectionId);

    /// <summary>Adds a personal-access-token connection, its token encrypted by the app's secret protector as the API does.</summary>
    public Task<GitHubConnection> AddConnectionAsync(Tenant tenant, string name, string apiBaseUrl, string token) =>
        Get<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenant.Id, name, GitHubConnectionKind.PersonalAccessToken, apiBaseUrl, Get<ISecretProtector>().Protect(token)));

    /// <summary>Opens the app's SQLite file directly, to read what the stores wrote.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var caller in _callers)
        {
            caller.Dispose();
        }

        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _app.StopAsync(stopping.Token);
            }
            catch (Exception exception) when (!_started && exception is InvalidOperationException or ArgumentNullException)
            {
                // A failed start (what a start-up test looks at) can leave the host nothing to stop, and it then throws.
            }
        }

        await _app.DisposeAsync();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (_ownedFolder is not null)
        {
            try
            {
                Directory.Delete(_ownedFolder, recursive: true);
            }
            catch (IOException)
            {
                // Another replica on the same file may still hold it; the temporary folder is left behind.
            }
        }
    }

    private static Dictionary<string, string?> Settings(string connectionString, string databaseFolder, IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["GhStats:Sqlite:ConnectionString"] = connectionString,

            // A Production app creates its key-encryption certificate beside the test's database, not in the machine's
            // LocalApplicationData; an app restarted on the same database finds it again.
            ["GhStats:DataProtection:GeneratedKeyCertificatePath"] = Path.Combine(databaseFolder, "keys", "key-encryption.pfx"),

            // Tests change roles and tokens through the stores, as another replica would; remembering them for a few
            // seconds (the default) would hide those changes. AccessCacheTests turns the cache on.
            ["GhStats:Api:AccessCacheLifetime"] = "00:00:00",

            // A failing GitHub call is retried quickly, so a collection over dead connections ends in moments.
            ["GhStats:Collector:RetryBaseDelay"] = "00:00:00.020",
            ["GhStats:Collector:ProgressInterval"] = "00:00:00.100",
            ["GhStats:Collector:RequestTimeout"] = "00:00:10",

            // The GitHub simulator listens on loopback over http: the operator (the test) allows exactly that.
            ["GhStats:GitHub:AllowedHosts:0:Host"] = "127.0.0.1",
            ["GhStats:GitHub:AllowedHosts:0:AllowHttp"] = "true",
            ["GhStats:GitHub:AllowedHosts:0:AllowPrivateAddresses"] = "true",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private WebCaller Track(WebCaller caller)
    {
        lock (_callers)
        {
            _callers.Add(caller);
        }

        return caller;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();
}
