using GhStats.Domain;
using GhStats.Testing;
using GhStats.Testing.Browser;
using GhStats.Testing.GitHub;
using GhStats.Web.Tests.Harness;
using Shouldly;
using Xunit;

namespace GhStats.Web.Tests.Browser;

/// <summary>
/// An app whose repositories have a history to be honest about, made by collecting on chosen simulated days (GhStats'
/// clock and the simulator's move together): acme/quiet was read 20 days ago and today, so the 6 days between fell out of
/// GitHub's window uncollected, and its seed gives it days without any traffic; acme/stale was read 20 days ago and
/// fails since (losing days); beta/lapsing was read 8 days ago and fails since (at risk). The app runs in the
/// Development environment and the browser signs in through the development sign-in.
/// </summary>
public sealed class CoverageWorld : IAsyncLifetime
{
    public const string AdminEmail = "admin@localhost";
    public const int OutageStartsDaysAgo = 19;
    public const int OutageEndsDaysAgo = 14;
    public const int FirstReadDaysAgo = 20;
    public const int LapsingReadDaysAgo = 8;

    private GitHubSimulator? _simulator;
    private WebApp? _app;

    public WebApp App => _app ?? throw new InvalidOperationException("The world has not started.");

    public DateOnly Today { get; private set; }

    public SimulatedRepository Quiet { get; private set; } = null!;

    public long QuietId { get; private set; }

    public long StaleId { get; private set; }

    public long LapsingId { get; private set; }

    /// <summary>A day of acme/quiet in the 30-day range, read completely, on which GitHub saw no views and no clones.</summary>
    public DateOnly ZeroDay { get; private set; }

    public async Task InitializeAsync()
    {
        // The pages compute their ranges from the browser's real clock, so "today" is the real today.
        var now = DateTimeOffset.UtcNow;
        Today = DateOnly.FromDateTime(now.UtcDateTime);
        var clock = new CalendarClock(now.AddDays(-FirstReadDaysAgo));
        _simulator = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { SimulatedNow = clock.GetUtcNow() });
        var seed = QuietSeed();
        Quiet = _simulator.AddRepository("acme", "quiet", seed);
        _simulator.AddRepository("acme", "stale", seed: 11);
        _simulator.AddRepository("beta", "lapsing", seed: 12);
        var quietToken = _simulator.AddToken(canPushTo: "acme/quiet");
        var staleToken = _simulator.AddToken(canPushTo: "acme/stale");
        var lapsingToken = _simulator.AddToken(canPushTo: "beta/lapsing");

        _app = await WebApp.StartAsync(new WebAppOptions { Environment = "Development", Clock = clock });
        var admin = App.As(await App.CreateUserAsync(AdminEmail, SystemRole.Admin));
        var acme = await App.CreateTenantAsync("acme", "Acme");
        var beta = await App.CreateTenantAsync("beta", "Beta");
        var quietConnection = await App.AddConnectionAsync(acme, "quiet", _simulator.BaseAddress, quietToken);
        var staleConnection = await App.AddConnectionAsync(acme, "stale", _simulator.BaseAddress, staleToken);
        var lapsingConnection = await App.AddConnectionAsync(beta, "lapsing", _simulator.BaseAddress, lapsingToken);
        QuietId = (await App.TrackAsync(acme, "acme", "quiet", quietConnection.Id)).Id;
        StaleId = (await App.TrackAsync(acme, "acme", "stale", staleConnection.Id)).Id;
        await Collected(admin, "acme", 2);

        MoveTo(clock, now.AddDays(-LapsingReadDaysAgo));
        LapsingId = (await App.TrackAsync(beta, "beta", "lapsing", lapsingConnection.Id)).Id;
        await Collected(admin, "beta", 1);

        MoveTo(clock, now);
        _simulator.RevokeToken(staleToken);
        _simulator.RevokeToken(lapsingToken);
        await Collected(admin, "acme", 1);
        await Collected(admin, "beta", 0);
    }

    /// <summary>Opens a page in a fresh context, signed in as the admin through the development sign-in.</summary>
    public Task<BrowserPage> SignInAsync(ChromiumFixture chromium, BrowserPageOptions? options = null) =>
        DevelopmentSignIn.OpenAsync(chromium, App.Root, AdminEmail, options);

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

    private void MoveTo(CalendarClock clock, DateTimeOffset now)
    {
        clock.Set(now);
        _simulator!.Clock.Set(now);
    }

    private static async Task Collected(WebCaller admin, string tenant, int expectedOk)
    {
        var run = await admin.CollectAsync(tenant);
        run.GetProperty("reposOk").GetInt32().ShouldBe(expectedOk, $"repositories of {tenant} read");
    }

    /// <summary>
    /// A seed whose traffic has a day without views or clones (which GitHub leaves out of its answer) among the
    /// complete days both reads cover: the 12 days before today and the 7 days before the first read's day. Seeds are
    /// tried on repositories that nothing tracks.
    /// </summary>
    private int QuietSeed()
    {
        for (var seed = 1; seed < 1000; seed++)
        {
            var probe = _simulator!.AddRepository("probe", "seed-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture), seed);
            foreach (var daysAgo in Enumerable.Range(1, 12).Concat(Enumerable.Range(FirstReadDaysAgo + 1, 7)))
            {
                var day = Today.AddDays(-daysAgo);
                if (probe.DayTruth(day) is { Views: 0, Clones: 0 })
                {
                    ZeroDay = day;
                    return seed;
                }
            }
        }

        throw new InvalidOperationException("No seed under 1,000 gives a day without traffic.");
    }
}
