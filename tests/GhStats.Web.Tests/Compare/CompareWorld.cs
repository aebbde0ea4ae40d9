using GhStats.Domain;
using GhStats.Stores;
using GhStats.Testing;
using GhStats.Web.Tests.Harness;

namespace GhStats.Web.Tests.Compare;

/// <summary>
/// Tenant acme with repositories whose windows are chosen (today is 2025-06-18): acme/alpha read over 06-01..06-15
/// (10 views a day 06-02..06-08, 20 a day 06-09..06-15, 3 on the partial 06-01; 4 unique visitors a day; stars read on
/// 06-03, 06-10 and 06-11), acme/beta read over 06-05..06-15 (no views until 06-12, then 5 a day with 2 unique
/// visitors), acme/delta never read; tenant other with other/hidden. Users: an owner, a viewer, a user granted
/// acme/alpha only, and an owner of other.
/// </summary>
internal sealed class CompareWorld : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2025, 6, 18);

    private CompareWorld(WebApp app) => App = app;

    public WebApp App { get; }

    public TrackedRepository Alpha { get; private set; } = null!;

    public TrackedRepository Beta { get; private set; } = null!;

    public TrackedRepository Delta { get; private set; } = null!;

    public TrackedRepository Hidden { get; private set; } = null!;

    public SeededUser Owner { get; private set; } = null!;

    public SeededUser Viewer { get; private set; } = null!;

    public SeededUser Granted { get; private set; } = null!;

    public SeededUser Outsider { get; private set; } = null!;

    public static DateOnly Day(int dayOfJune) => new(2025, 6, dayOfJune);

    public static async Task<CompareWorld> StartAsync()
    {
        var app = await WebApp.StartAsync(new WebAppOptions { Clock = new CalendarClock(new DateTimeOffset(2025, 6, 18, 12, 0, 0, TimeSpan.Zero)) });
        var world = new CompareWorld(app);
        var acme = await app.CreateTenantAsync("acme");
        var other = await app.CreateTenantAsync("other");
        world.Alpha = await app.TrackAsync(acme, "acme", "alpha");
        world.Beta = await app.TrackAsync(acme, "acme", "beta");
        world.Delta = await app.TrackAsync(acme, "acme", "delta");
        world.Hidden = await app.TrackAsync(other, "other", "hidden");
        world.Owner = await app.CreateUserAsync("owner@acme.example");
        world.Viewer = await app.CreateUserAsync("viewer@acme.example");
        world.Granted = await app.CreateUserAsync("granted@acme.example");
        world.Outsider = await app.CreateUserAsync("owner@other.example");
        await app.AddMemberAsync(acme, world.Owner, TenantRole.Owner);
        await app.AddMemberAsync(acme, world.Viewer, TenantRole.Viewer);
        await app.AddMemberAsync(other, world.Outsider, TenantRole.Owner);
        await app.GrantAsync(world.Granted, world.Alpha);

        var traffic = app.Get<ITrafficStore>();
        var alpha = world.Alpha.Id;
        await traffic.MergeTrafficWindowAsync(new TrafficWindow(alpha, Day(1), Day(15),
            [.. Enumerable.Range(1, 15).Select(d => new TrafficDay(alpha, Day(d), d == 1 ? 3 : d <= 8 ? 10 : 20, d == 1 ? 3 : 4, 1, 1))], Day(15)));
        var beta = world.Beta.Id;
        await traffic.MergeTrafficWindowAsync(new TrafficWindow(beta, Day(5), Day(15),
            [.. Enumerable.Range(13, 3).Select(d => new TrafficDay(beta, Day(d), 5, 2, 0, 0))], Day(15)));
        await traffic.MergeRepositoryStatsAsync(
        [
            new RepositoryDailyStats(alpha, Day(3), 100, 1, 1, 0, 10),
            new RepositoryDailyStats(alpha, Day(10), 110, 1, 1, 0, 10),
            new RepositoryDailyStats(alpha, Day(11), 112, 1, 1, 0, 10),
        ]);
        return world;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
