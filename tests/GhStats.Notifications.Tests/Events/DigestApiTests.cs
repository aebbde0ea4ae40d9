using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GhStats.Administration;
using GhStats.Domain;
using GhStats.Notifications.Events;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Testing.GitHub;
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
using Xunit;

namespace GhStats.Notifications.Tests.Events;

/// <summary>
/// The digest's numbers against the JSON API's for the same week. A web app (as GhStats.Host builds it, served by Kestrel
/// on loopback) collects three weeks from the GitHub simulator into a SQLite file; a second process on the same file,
/// with notifications, evaluates the Monday after; the test reads the digest from the outbox and the API over HTTP.
/// </summary>
public sealed class DigestApiTests : IAsyncLifetime
{
    /// <summary>Monday 2026-03-09: the digest of 2026-W10 (03-02 to 03-08) is due from 06:00.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly WeekStart = new(2026, 3, 2);

    private readonly string _folder = Directory.CreateTempSubdirectory("ghstats-digest-api-").FullName;
    private readonly CalendarClock _clock = new(Monday.AddDays(-18));
    private GitHubSimulator _simulator = null!;
    private WebApplication _web = null!;
    private Uri _root = null!;

    private Dictionary<string, string?> Settings => new(StringComparer.OrdinalIgnoreCase)
    {
        ["GhStats:Sqlite:ConnectionString"] = $"Data Source={Path.Combine(_folder, "ghstats.db")}",
        ["GhStats:DataProtection:GeneratedKeyCertificatePath"] = Path.Combine(_folder, "keys", "key-encryption.pfx"),
        ["GhStats:Api:AccessCacheLifetime"] = "00:00:00",
        ["GhStats:Collector:RetryBaseDelay"] = "00:00:00.020",
        ["GhStats:GitHub:AllowedHosts:0:Host"] = "127.0.0.1",
        ["GhStats:GitHub:AllowedHosts:0:AllowHttp"] = "true",
        ["GhStats:GitHub:AllowedHosts:0:AllowPrivateAddresses"] = "true",
        ["GhStats:Notifications:PublicBaseUrl"] = "https://stats.example.com/app/",
    };

    public async Task InitializeAsync()
    {
        _simulator = await GitHubSimulator.StartAsync();
        _simulator.Clock.Set(_clock.GetUtcNow());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddGhStats(builder.Configuration.GetSection("GhStats")).UseSqlite().AddGitHubCollector().AddWeb();
        _web = builder.Build();
        _web.MapGhStats();
        await _web.StartAsync();
        var address = _web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _root = new Uri("http://127.0.0.1:" + new Uri(address).Port.ToString(CultureInfo.InvariantCulture) + "/");
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _simulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TheDigestsNumbers_AreWhatTheApiReturnsForThatWeek_ForTheTenantAndForAGrantHolder()
    {
        // The web app: a tenant, an owner and a grant holder with API tokens, three repositories, collected every evening.
        var services = _web.Services;
        var administration = services.GetRequiredService<GhStatsAdministration>();
        var tenant = await services.GetRequiredService<ITenantStore>().CreateAsync("digest", "Digest");
        var owner = await administration.CreateApiTokenAsync("owner@digest.example", "test", 30);
        await administration.SetMemberAsync(tenant.Id, "owner@digest.example", TenantRole.Owner);
        var grantee = await administration.CreateApiTokenAsync("grantee@digest.example", "test", 30);
        string[] names = ["alpha", "beta", "gamma"];
        var token = _simulator.AddToken(canPushTo: [.. names.Select(n => "digest/" + n)]);
        var connection = await services.GetRequiredService<IConnectionStore>().AddAsync(new NewGitHubConnection(
            tenant.Id, "simulator", GitHubConnectionKind.PersonalAccessToken, _simulator.BaseAddress, services.GetRequiredService<ISecretProtector>().Protect(token)));
        var repositories = new List<TrackedRepository>();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            _simulator.AddRepository("digest", name, seed: 31 + index);
            repositories.Add(await services.GetRequiredService<IRepositoryStore>().AddAsync(tenant.Id, "digest", name, connection.Id));
        }

        await services.GetRequiredService<IMembershipStore>().GrantRepositoryAsync(grantee.Token.UserId, repositories[1].Id);
        for (var evening = Monday.AddDays(-18).AddHours(23); evening < Monday; evening = evening.AddDays(1))
        {
            await CollectAsync(evening);
        }

        await CollectAsync(Monday.AddHours(5));

        // The notifications process: a channel, the grant holder's subscription, and the Monday evaluation.
        var replica = new ServiceCollection().AddLogging();
        replica.AddSingleton<TimeProvider>(_clock);
        replica.AddGhStats(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build().GetSection("GhStats")).UseSqlite().AddNotifications();
        await using var notifications = replica.BuildServiceProvider();
        var store = notifications.GetRequiredService<INotificationStore>();
        await store.AddChannelAsync(new NewNotificationChannel(tenant.Id, "hook", NotificationChannelKind.Webhook, NotificationTopics.Digest, null,
            notifications.GetRequiredService<ISecretProtector>().Protect(new NotificationChannelSecret("https://hooks.example.com/in", "whsec_x").ToJson()), "test"));
        await store.SetSubscriptionAsync(grantee.Token.UserId, tenant.Id, NotificationTopics.Digest);
        _clock.Set(Monday.AddHours(6).AddMinutes(5));
        await notifications.GetRequiredService<NotificationEventEvaluator>().EvaluateAsync(_clock.GetUtcNow(), CancellationToken.None);
        var messages = (await store.ClaimDueAsync("test", 50, _clock.GetUtcNow().AddHours(1))).Where(m => m.TenantId == tenant.Id).ToList();
        messages.Select(m => m.UserId).ShouldBe([null, grantee.Token.UserId], ignoreOrder: true);

        using var ownerApi = Api(owner.Secret);
        var whole = EventsHarness.Payload<DigestPayload>(messages.Single(m => m.UserId is null));
        whole.Repositories.Count.ShouldBe(3, "the simulator serves every repository some traffic");
        await ShouldMatchTheApiAsync(whole, ownerApi, tenant.Slug);

        using var granteeApi = Api(grantee.Secret);
        var granted = EventsHarness.Payload<DigestPayload>(messages.Single(m => m.UserId == grantee.Token.UserId));
        granted.Repositories.Select(r => r.Repository.Id).ShouldBe([repositories[1].Id]);
        await ShouldMatchTheApiAsync(granted, granteeApi, tenant.Slug);
    }

    /// <summary>Every figure of the digest against GET /traffic/summary for the week and the week before, GET /repos/{id}/traffic?per=week, and the snapshot histories.</summary>
    private static async Task ShouldMatchTheApiAsync(DigestPayload digest, HttpClient api, string tenant)
    {
        var summary = await GetAsync(api, $"api/v1/traffic/summary?tenant={tenant}&from={Day(WeekStart)}&to={Day(WeekStart.AddDays(6))}");
        var before = await GetAsync(api, $"api/v1/traffic/summary?tenant={tenant}&from={Day(WeekStart.AddDays(-7))}&to={Day(WeekStart.AddDays(-1))}");
        var rows = summary.GetProperty("repositories").EnumerateArray().ToDictionary(r => r.GetProperty("repoId").GetInt64());
        var previousRows = before.GetProperty("repositories").EnumerateArray().ToDictionary(r => r.GetProperty("repoId").GetInt64());

        digest.RepositoryCount.ShouldBe(rows.Count, "the digest's scope is what the API shows the same person");
        digest.Views.ShouldBe(rows.Values.Sum(r => r.GetProperty("views").GetInt64()));
        digest.PreviousViews.ShouldBe(previousRows.Values.Sum(r => r.GetProperty("views").GetInt64()));
        digest.Repositories.Select(r => r.Views).ShouldBeInOrder(SortDirection.Descending);
        var content = new List<(long Id, string Path, int Views)>();
        var entered = new List<(long Id, string Referrer, int Views)>();
        foreach (var line in digest.Repositories)
        {
            var row = rows[line.Repository.Id];
            line.Repository.FullName.ShouldBe(row.GetProperty("fullName").GetString());
            line.Views.ShouldBe(row.GetProperty("views").GetInt64(), line.Repository.FullName);
            line.Clones.ShouldBe(row.GetProperty("clones").GetInt64());
            line.KnownDays.ShouldBe(row.GetProperty("knownDays").GetInt32());
            line.PartialDays.ShouldBe(row.GetProperty("partialDays").GetInt32());
            line.PreviousViews.ShouldBe(previousRows[line.Repository.Id].GetProperty("views").GetInt64());

            var weekly = await GetAsync(api, $"api/v1/repos/{line.Repository.Id}/traffic?from={Day(WeekStart)}&to={Day(WeekStart.AddDays(6))}&per=week");
            var point = weekly.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("date").GetString() == Day(WeekStart));
            line.Views.ShouldBe(point.GetProperty("views").GetInt64());
            line.UniqueViews.ShouldBe(Number(point.GetProperty("uniqueViews")), "GitHub's own weekly unique visitors");
            line.UniqueViews.ShouldNotBeNull("weekly figures are collected once a week");
            line.UniqueClones.ShouldBe(Number(point.GetProperty("uniqueClones")));
            line.KnownDays.ShouldBe(point.GetProperty("knownDays").GetInt32());

            // The week's latest snapshots, as GET /repos/{id}/paths and /referrers list them.
            var paths = await GetAsync(api, $"api/v1/repos/{line.Repository.Id}/paths?from={Day(WeekStart)}&to={Day(WeekStart.AddDays(6))}");
            content.AddRange(Latest(paths.GetProperty("history"), WeekStart).Select(s => (line.Repository.Id, s.GetProperty("path").GetString()!, s.GetProperty("views").GetInt32())));
            var referrers = (await GetAsync(api, $"api/v1/repos/{line.Repository.Id}/referrers?from={Day(WeekStart.AddDays(-7))}&to={Day(WeekStart.AddDays(6))}"))
                .GetProperty("history");
            var earlier = Latest(referrers, WeekStart.AddDays(-7)).Select(s => s.GetProperty("referrer").GetString()).ToHashSet();
            entered.AddRange(Latest(referrers, WeekStart).Where(s => earlier.Count > 0 && !earlier.Contains(s.GetProperty("referrer").GetString()))
                .Select(s => (line.Repository.Id, s.GetProperty("referrer").GetString()!, s.GetProperty("views").GetInt32())));
        }

        digest.TopContent.Select(c => (c.Repository.Id, c.Path, c.Views))
            .ShouldBe(content.OrderByDescending(c => c.Views).ThenBy(c => c.Path, StringComparer.Ordinal).Take(DigestComposer.TopContentLines));
        digest.NewReferrers.Select(r => (r.Repository.Id, r.Referrer, r.Views)).ShouldBe(entered, ignoreOrder: true);
    }

    /// <summary>The rows of the latest snapshot captured in the week starting <paramref name="monday"/> (GitHub's top 10 is the whole snapshot).</summary>
    private static List<JsonElement> Latest(JsonElement history, DateOnly monday)
    {
        var inWeek = history.EnumerateArray()
            .Where(s => DateOnly.ParseExact(s.GetProperty("capturedOn").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var day && day >= monday && day <= monday.AddDays(6))
            .ToList();
        var latest = inWeek.Select(s => s.GetProperty("capturedOn").GetString()).Max(StringComparer.Ordinal);
        return [.. inWeek.Where(s => s.GetProperty("capturedOn").GetString() == latest)];
    }

    private async Task CollectAsync(DateTimeOffset at)
    {
        _clock.Set(at);
        _simulator.Clock.Set(at);
        var collection = _web.Services.GetRequiredService<ICollectionService>();
        var run = await collection.StartAsync(new CollectionRequest(CollectionTrigger.Manual, "test"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        (await collection.WaitAsync(run.Id, timeout.Token))!.Status.ShouldBe(CollectionRunStatus.Succeeded);
    }

    private HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = _root };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static long? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
