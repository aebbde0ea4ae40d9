using System.Globalization;

namespace GhStats.Testing.GitHub;

/// <summary>
/// A repository the simulator serves. Its traffic is ground truth derived from <see cref="Seed"/> (the same seed
/// gives the same numbers in every run); its counters and flags start from the seed and tests may change them.
/// Change settings before or between requests, not while requests for this repository are in flight.
/// </summary>
public sealed class SimulatedRepository
{
    private const double ReferrerShareOfViews = 0.7;
    private const double PathShareOfViews = 0.9;
    private const int TopListLength = 10;

    private static readonly string[] DefaultReferrers =
    [
        "github.com", "google.com", "news.ycombinator.com", "reddit.com", "Bing", "duckduckgo.com", "stackoverflow.com",
        "t.co", "dev.to", "linkedin.com", "medium.com", "nuget.org", "learn.microsoft.com", "com.google.android.gm",
    ];

    private readonly TrafficModel _traffic;
    private StarModel? _stars;
    private readonly object _releasesGate = new();
    private readonly List<SimulatedRelease> _releases = [];

    internal SimulatedRepository(string owner, string name, int seed, long id, long ownerId)
    {
        Owner = owner;
        Name = name;
        FullName = owner + "/" + name;
        Seed = seed;
        Id = id;
        OwnerId = ownerId;
        _traffic = new TrafficModel(seed);

        Stars = StableHash.Below(5000, seed, 11);
        Forks = Stars / (3 + StableHash.Below(10, seed, 12));
        Watchers = 1 + (Stars / (10 + StableHash.Below(20, seed, 13)));
        OpenIssues = StableHash.Below(120, seed, 14);
        SizeKb = 50 + StableHash.Below(200_000, seed, 15);
        Description = "Simulated repository " + FullName;
        CreatedAt = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(StableHash.Below(8 * 365 * 24 * 60, seed, 16));
        PushedAt = CreatedAt.AddDays(StableHash.Below(365, seed, 17));

        // Seeded releases: two published ones with growing downloads and a draft that only pushers see.
        var first = AddRelease("v1.0.0", "First release", PushedAt, prerelease: false);
        first.AddAsset("app-linux-x64.tar.gz", PushedAt, 1 + StableHash.Below(40, seed, 18));
        first.AddAsset("app-win-x64.zip", PushedAt, 1 + StableHash.Below(40, seed, 19));
        var second = AddRelease("v1.1.0-rc.1", string.Empty, PushedAt.AddDays(30 + StableHash.Below(60, seed, 20)), prerelease: true);
        second.AddAsset("app-linux-x64.tar.gz", second.PublishedAt, 1 + StableHash.Below(20, seed, 21));
        AddRelease("v2.0.0", "Next (draft)", PushedAt.AddYears(20), prerelease: false, draft: true).AddAsset("app.zip", PushedAt, 5);
    }

    /// <summary>The owner's login, as given when the repository was added.</summary>
    public string Owner { get; }

    /// <summary>The repository name, as given when the repository was added.</summary>
    public string Name { get; }

    /// <summary><c>owner/name</c>.</summary>
    public string FullName { get; }

    /// <summary>The seed every simulated figure of this repository derives from.</summary>
    public int Seed { get; }

    /// <summary>GitHub's numeric repository id (assigned in the order repositories are added).</summary>
    public long Id { get; }

    /// <summary>GitHub's GraphQL node id.</summary>
    public string NodeId => "R_sim" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>stargazers_count</c> (and <c>watchers_count</c>, which GitHub keeps equal to it).</summary>
    public int Stars { get; set; }

    /// <summary><c>forks_count</c>.</summary>
    public int Forks { get; set; }

    /// <summary><c>subscribers_count</c>: the people watching the repository.</summary>
    public int Watchers { get; set; }

    /// <summary><c>open_issues_count</c>.</summary>
    public int OpenIssues { get; set; }

    /// <summary><c>size</c> in KB.</summary>
    public long SizeKb { get; set; }

    /// <summary>A private repository is invisible (404) to tokens that cannot push to it.</summary>
    public bool Private { get; set; }

    /// <summary><c>fork</c>.</summary>
    public bool Fork { get; set; }

    /// <summary><c>archived</c>.</summary>
    public bool Archived { get; set; }

    /// <summary><c>default_branch</c>.</summary>
    public string DefaultBranch { get; set; } = "main";

    /// <summary><c>description</c>.</summary>
    public string? Description { get; set; }

    /// <summary><c>created_at</c>.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>pushed_at</c>.</summary>
    public DateTimeOffset PushedAt { get; set; }

    /// <summary>
    /// The referrer names this repository draws its top referrers from; null for a seeded pick of common sites.
    /// Set hostile names here (markup, very long text) to test what consumers do with them.
    /// </summary>
    public IReadOnlyList<string>? Referrers { get; set; }

    /// <summary>The pages this repository draws its popular content from; null for typical repository pages.</summary>
    public IReadOnlyList<SimulatedPage>? Paths { get; set; }

    /// <summary>
    /// When the star history ends: stars are spread from <see cref="CreatedAt"/> up to this instant. The simulator sets it
    /// to its clock when the repository is added.
    /// </summary>
    public DateTimeOffset StarredUntil { get; set; }

    /// <summary>
    /// The stargazers list GitHub serves: the current stargazers (exactly <see cref="Stars"/>), oldest star first, each
    /// with when they starred. Stars later taken back are not in it, as on GitHub.
    /// </summary>
    public IReadOnlyList<SimulatedStargazer> Stargazers => StarHistory().Stargazers;

    /// <summary>Stars ever given, including the ones taken back since: more than <see cref="Stars"/> once anyone unstarred.</summary>
    public int StarsEverGiven => StarHistory().Given;

    internal long OwnerId { get; }

    /// <summary>
    /// The truth a star backfill should end up with: the current stargazers who had starred by the end of <paramref name="day"/>
    /// (UTC). A lower bound of the stars the repository had that day, as anyone who unstarred since is missing.
    /// </summary>
    public int StarsAt(DateOnly day) => StarHistory().StarsAt(day);
    /// <summary>Every release, drafts and not yet published ones included, oldest first.</summary>
    public IReadOnlyList<SimulatedRelease> Releases
    {
        get
        {
            lock (_releasesGate)
            {
                return [.. _releases];
            }
        }
    }

    /// <summary>Adds a release; GitHub lists it from <paramref name="publishedAt"/> on (a draft at once, to pushers only).</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="name">The title; may be empty.</param>
    /// <param name="publishedAt">When it is published.</param>
    /// <param name="prerelease">Whether it is a pre-release.</param>
    /// <param name="draft">Whether it is a draft.</param>
    /// <returns>The release, to add assets to.</returns>
    public SimulatedRelease AddRelease(string tag, string name, DateTimeOffset publishedAt, bool prerelease = false, bool draft = false)
    {
        lock (_releasesGate)
        {
            var release = new SimulatedRelease((Id * 1000) + _releases.Count + 1, tag, name, publishedAt, prerelease, draft);
            _releases.Add(release);
            return release;
        }
    }

    /// <summary>Deletes a release, as an Owner can on GitHub: it is no longer listed.</summary>
    /// <param name="release">The release.</param>
    public void RemoveRelease(SimulatedRelease release)
    {
        lock (_releasesGate)
        {
            _releases.Remove(release);
        }
    }

    /// <summary>The releases GitHub lists at <paramref name="now"/>, newest first: published ones, and drafts for pushers.</summary>
    internal IReadOnlyList<SimulatedRelease> ListedReleases(DateTimeOffset now, bool canPush) =>
        Releases.Where(r => r.Draft ? canPush : r.PublishedAt <= now).OrderByDescending(r => r.Draft).ThenByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).ToList();

    /// <summary>The full, final traffic of <paramref name="day"/> (UTC): what a collector should end up storing.</summary>
    public SimulatedTraffic DayTruth(DateOnly day) => _traffic.Day(day);

    /// <summary>
    /// The full traffic of the week starting on <paramref name="monday"/>: counts are the sums of the days; uniques lie
    /// between the busiest day's uniques and the sum of the days' uniques, as GitHub's <c>per=week</c> figures do.
    /// </summary>
    public SimulatedTraffic WeekTruth(DateOnly monday)
    {
        if (monday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"GitHub's weeks start on Monday; {monday:yyyy-MM-dd} is a {monday.DayOfWeek}.", nameof(monday));
        }

        return _traffic.Week(monday);
    }

    /// <summary>
    /// The 14 days the traffic endpoints serve at <paramref name="now"/>, oldest first, zero days included (the API
    /// omits them): the current day scaled by the part of it that has passed, the oldest day by the part that remains.
    /// </summary>
    public IReadOnlyList<SimulatedTraffic> ServedDays(DateTimeOffset now) => _traffic.ServedDays(now);

    /// <summary>The weeks <c>per=week</c> serves at <paramref name="now"/>: only the days inside the window count.</summary>
    public IReadOnlyList<SimulatedTraffic> ServedWeeks(DateTimeOffset now) => _traffic.ServedWeeks(_traffic.ServedDays(now));

    /// <summary>The top-level <c>count</c> and <c>uniques</c> the traffic endpoints serve at <paramref name="now"/>.</summary>
    public SimulatedTraffic ServedTotals(DateTimeOffset now) => _traffic.Totals(_traffic.ServedDays(now));

    /// <summary>The top referrers served at <paramref name="now"/>: at most 10, by count descending, then by name.</summary>
    public IReadOnlyList<SimulatedReferrer> ReferrersAt(DateTimeOffset now)
    {
        var names = Referrers ?? SeededReferrers();
        var day = DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        var shares = Shares(names.Count, day, 21, ReferrerShareOfViews);
        var views = ServedTotals(now).Views;
        var rows = new List<SimulatedReferrer>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var count = (int)(views * shares[i]);
            if (count > 0)
            {
                rows.Add(new SimulatedReferrer(names[i], count, Uniques(count, day, i, 22)));
            }
        }

        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Referrer, b.Referrer));
        return rows.Count > TopListLength ? rows.GetRange(0, TopListLength) : rows;
    }

    /// <summary>The popular content served at <paramref name="now"/>: at most 10, by count descending, then by path.</summary>
    public IReadOnlyList<SimulatedPath> PathsAt(DateTimeOffset now)
    {
        var pages = Paths ?? TypicalPages();
        var day = DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        var shares = Shares(pages.Count, day, 31, PathShareOfViews);
        var views = ServedTotals(now).Views;
        var rows = new List<SimulatedPath>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var count = (int)(views * shares[i]);
            if (count > 0)
            {
                rows.Add(new SimulatedPath(pages[i].Path, pages[i].Title, count, Uniques(count, day, i, 32)));
            }
        }

        rows.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Path, b.Path));
        return rows.Count > TopListLength ? rows.GetRange(0, TopListLength) : rows;
    }

    /// <summary>What one traffic request serves: the top-level totals and the daily or weekly entries, from one window.</summary>
    internal (SimulatedTraffic Totals, SimulatedTraffic[] Entries) ServedWindow(DateTimeOffset now, bool weekly)
    {
        var days = _traffic.ServedDays(now);
        return (_traffic.Totals(days), weekly ? _traffic.ServedWeeks(days) : days);
    }

    private StarModel StarHistory()
    {
        // Made again only when a test changed what it derives from.
        var model = _stars;
        if (model is null || model.Stars != Stars || model.Start != CreatedAt || model.End != StarredUntil)
        {
            model = StarModel.Create(Seed, Stars, CreatedAt, StarredUntil);
            _stars = model;
        }

        return model;
    }

    private string[] SeededReferrers()
    {
        var count = 4 + StableHash.Below(10, Seed, 18);
        var offset = StableHash.Below(DefaultReferrers.Length, Seed, 19);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = DefaultReferrers[(offset + i) % DefaultReferrers.Length];
        }

        return names;
    }

    private SimulatedPage[] TypicalPages()
    {
        var root = "/" + FullName;
        var branch = DefaultBranch;
        return
        [
            new(root, $"GitHub - {FullName}: {Description}"),
            new($"{root}/blob/{branch}/README.md", $"{Name}/README.md at {branch} · {FullName}"),
            new($"{root}/issues", $"Issues · {FullName}"),
            new($"{root}/pulls", $"Pull requests · {FullName}"),
            new($"{root}/releases", $"Releases · {FullName}"),
            new($"{root}/actions", $"Actions · {FullName}"),
            new($"{root}/tree/{branch}/src", $"{Name}/src at {branch} · {FullName}"),
            new($"{root}/blob/{branch}/docs/getting-started.md", $"{Name}/docs/getting-started.md at {branch} · {FullName}"),
            new($"{root}/wiki", $"Home · {FullName} Wiki"),
            new($"{root}/commits/{branch}", $"Commits · {FullName}"),
            new($"{root}/blob/{branch}/CHANGELOG.md", $"{Name}/CHANGELOG.md at {branch} · {FullName}"),
            new($"{root}/discussions", $"Discussions · {FullName}"),
        ];
    }

    private double[] Shares(int count, long day, long salt, double total)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            // Squaring spreads the weights so the ranking has a clear head and a long tail.
            var draw = StableHash.Unit(Seed, day, i, salt);
            weights[i] = 0.02 + (draw * draw);
            sum += weights[i];
        }

        for (var i = 0; i < count; i++)
        {
            weights[i] = weights[i] / sum * total;
        }

        return weights;
    }

    private int Uniques(int count, long day, int index, long salt) =>
        Math.Clamp((int)(count * (0.3 + (0.5 * StableHash.Unit(Seed, day, index, salt)))), 1, count);
}
