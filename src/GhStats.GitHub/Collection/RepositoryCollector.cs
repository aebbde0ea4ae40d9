using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;
using Microsoft.Extensions.Options;
using Octokit;
using DateRange = GhStats.Domain.DateRange;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Collects one repository: in every run its daily views and clones; once a UTC day its counters, top referrers and paths,
/// its releases' download counts and, until it is done, a part of its star history before tracking; once a week GitHub's
/// weekly figures; merged through the store ports.
/// </summary>
/// <remarks>
/// <para>
/// Views and clones are what GitHub's 14-day window loses, so they are read as often as runs come (hourly is fine);
/// the rest changes slowly or is a snapshot of the day, so the first run of each UTC day reads it
/// (<see cref="TrackedRepository.DailyCollectedOn"/> before today) and records the day once every daily read succeeded.
/// A run that fails any of them leaves the day unrecorded, so the next run, the same day or not, reads them again.
/// When the connection's budget cannot spare them (see <see cref="CollectionLane.TryPledgeSlowReads"/>), the daily and the
/// weekly reads are left for a later run the same way, and only views and clones are read.
/// </para>
/// <para>
/// The counters, views, clones, referrers, paths and weekly figures are conditional reads: each answer's ETag is kept per
/// repository, connection and read (<see cref="IGitHubETagStore"/>), saved only once that answer is merged, and sent as
/// <c>If-None-Match</c> next time. A 304 (which GitHub does not charge) means "the answer stored for the tag's day is still
/// GitHub's answer", so it counts as a successful read: the daily window is merged without days (its days are stored,
/// max-merged, and days missing from the store are GitHub's omitted zeros), so coverage and the last daily read move on;
/// counters, referrers and paths stored on the tag's day are written again for today when the day changed.
/// </para>
/// </remarks>
internal sealed class RepositoryCollector(
    ITrafficStore traffic,
    IRepositoryStore repositories,
    IReleaseStore releases,
    IGitHubETagStore etags,
    StarHistoryBackfill stars,
    IOptions<GitHubCollectorOptions> options,
    TimeProvider clock)
{
    internal const string RepositoryRead = "repository";
    internal const string ViewsRead = "views.day";
    internal const string ClonesRead = "clones.day";
    internal const string ReferrersRead = "referrers";
    internal const string PathsRead = "paths";
    internal const string WeeklyViewsRead = "views.week";
    internal const string WeeklyClonesRead = "clones.week";

    /// <summary>Collects and stores; throws what GitHub or the store threw.</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="client">The connection's Octokit client.</param>
    /// <param name="connectionId">The connection, whose ETags are used.</param>
    /// <param name="counters">What a GraphQL batch read of the repository's counters; null reads them with REST.</param>
    /// <param name="slowReads">Whether the daily and weekly reads may be made when due; false leaves them due.</param>
    /// <param name="cancellationToken">Ends the collection.</param>
    public async Task CollectAsync(
        TrackedRepository repository, IGitHubClient client, long connectionId, CounterAnswer? counters, bool slowReads, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (owner, name, id) = (repository.Owner, repository.Name, repository.Id);
        var conditional = options.Value.ConditionalRequests;
        var known = conditional
            ? (await etags.ListAsync(id, connectionId, cancellationToken).ConfigureAwait(false)).ToDictionary(e => e.Read, StringComparer.Ordinal)
            : [];
        var answered = new List<GitHubETag>();
        void Answered(string read, string? etag, DateOnly on)
        {
            // A tag too long for its column is not kept: the next read is simply not conditional.
            if (conditional && etag is { Length: > 0 and <= FieldLimits.GitHubETag })
            {
                answered.Add(new GitHubETag(id, connectionId, read, etag, on));
            }
        }

        Task<(T? Value, bool NotModified, string? ETag)> Read<T>(string read, Func<Task<T>> call)
            where T : class =>
            ConditionalRead.SendAsync(known.GetValueOrDefault(read)?.ETag, call);

        // Reading the repository first finds a wrong name or token with one call; its counters are kept even if traffic is refused.
        // A GraphQL batch may have read them already: a repository it did not find fails as REST's 404 would.
        // Later runs the same day skip them: the views read finds a wrong name or token as well.
        var daily = slowReads && DailyReadsDue(repository, today);
        var (gitHubId, starCount) = !daily ? (default(long?), 0) : counters switch
        {
            { Counters: { } read } => await StoreCountersAsync(id, today, read, cancellationToken).ConfigureAwait(false),
            { NotFound: { } missing } => throw new NotFoundException(missing, System.Net.HttpStatusCode.NotFound),
            _ => await ReadCountersAsync(repository, client, today, known.GetValueOrDefault(RepositoryRead), Answered, cancellationToken).ConfigureAwait(false),
        };

        // Both reads succeeded, so GitHub's window is known: the days it left out are zeros, its edges were cut short.
        // A read that throws records nothing here, so a failure never turns unread days into known ones.
        var readOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var views = await Read(ViewsRead, () => client.Repository.Traffic.GetViews(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Day))).ConfigureAwait(false);
        var clones = await Read(ClonesRead, () => client.Repository.Traffic.GetClones(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Day))).ConfigureAwait(false);
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(id, readOn, Days(id, views.Value, clones.Value)), cancellationToken).ConfigureAwait(false);
        Answered(ViewsRead, views.ETag, readOn);
        Answered(ClonesRead, clones.ETag, readOn);

        if (daily)
        {
            var referrers = await Read(ReferrersRead, () => client.Repository.Traffic.GetAllReferrers(owner, name)).ConfigureAwait(false);
            var referrerSnapshots = referrers.NotModified
                ? await StoredAgainAsync(known[ReferrersRead].ReadOn, today, range => traffic.GetReferrerHistoryAsync(repository.TenantId, id, range, cancellationToken), r => r with { CapturedOn = today }).ConfigureAwait(false)
                : referrers.Value!.Select(r => new ReferrerSnapshot(id, today, Cut(r.Referrer, FieldLimits.Referrer), r.Count, Math.Min(r.Uniques, r.Count))).ToList();
            await traffic.MergeReferrerSnapshotsAsync(referrerSnapshots, cancellationToken).ConfigureAwait(false);
            Answered(ReferrersRead, referrers.ETag, today);

            var paths = await Read(PathsRead, () => client.Repository.Traffic.GetAllPaths(owner, name)).ConfigureAwait(false);
            var pathSnapshots = paths.NotModified
                ? await StoredAgainAsync(known[PathsRead].ReadOn, today, range => traffic.GetPathHistoryAsync(repository.TenantId, id, range, cancellationToken), p => p with { CapturedOn = today }).ConfigureAwait(false)
                : paths.Value!.Select(p => new PathSnapshot(id, today, Cut(p.Path, FieldLimits.Path), Cut(p.Title ?? string.Empty, FieldLimits.PathTitle), p.Count, Math.Min(p.Uniques, p.Count))).ToList();
            await traffic.MergePathSnapshotsAsync(pathSnapshots, cancellationToken).ConfigureAwait(false);
            Answered(PathsRead, paths.ETag, today);
        }

        // GitHub's weekly uniques are the only true ones; reading them once a week, after Monday, catches each week once complete.
        // A 304 adds nothing: the weeks of the answer it stands for are stored, and merging keeps the larger value.
        DateOnly? weeklyOn = null;
        if (slowReads && WeeklyReadsDue(repository, today))
        {
            var weeklyViews = await Read(WeeklyViewsRead, () => client.Repository.Traffic.GetViews(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Week))).ConfigureAwait(false);
            var weeklyClones = await Read(WeeklyClonesRead, () => client.Repository.Traffic.GetClones(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Week))).ConfigureAwait(false);
            await traffic.MergeTrafficWeeksAsync(Weeks(id, weeklyViews.Value, weeklyClones.Value), cancellationToken).ConfigureAwait(false);
            Answered(WeeklyViewsRead, weeklyViews.ETag, today);
            Answered(WeeklyClonesRead, weeklyClones.ETag, today);
            weeklyOn = today;
        }

        // Every answer above is merged: only now may its tag stand for it.
        await etags.SaveAsync(answered, cancellationToken).ConfigureAwait(false);

        // After the traffic above is safely stored, once a day: a failure here is recorded like any other and leaves the
        // daily reads due, so the next run tries again (its other reads then mostly answer 304, which GitHub does not charge).
        if (daily && (await releases.GetLastReleaseReadAsync(id, cancellationToken).ConfigureAwait(false) is not { } releasesRead || releasesRead < today))
        {
            await ReadReleasesAsync(repository, client, cancellationToken).ConfigureAwait(false);
        }

        await repositories.RecordCollectionAsync(id, "ok", gitHubId, weeklyOn, daily ? today : null, cancellationToken).ConfigureAwait(false);

        // Last, so the star backfill spends only what is left and its failures never fail the repository; once a day, like
        // the counters whose star count it needs.
        if (daily)
        {
            await stars.BackfillAsync(repository, client, starCount, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether <paramref name="repository"/>'s once-a-day reads (counters, referrers, paths, releases, star backfill) are due:
    /// they did not succeed yet on <paramref name="today"/> (UTC), so the first run after midnight makes them.
    /// </summary>
    internal static bool DailyReadsDue(TrackedRepository repository, DateOnly today) =>
        repository.DailyCollectedOn is not { } last || last < today;

    /// <summary>Whether GitHub's weekly figures are due: not read yet in <paramref name="today"/>'s ISO week.</summary>
    internal static bool WeeklyReadsDue(TrackedRepository repository, DateOnly today) =>
        repository.WeeklyCollectedOn is not { } last || last < DateRange.WeekStartOf(today);

    /// <summary>
    /// What <paramref name="repository"/>'s due slow reads cost at least: counters, referrers, paths and a page of releases
    /// a day (plus the star backfill's pages while it runs), the two weekly figures once a week.
    /// </summary>
    internal static int SlowReadCalls(TrackedRepository repository, DateOnly today, int starBackfillPages) =>
        (DailyReadsDue(repository, today) ? CollectionCallModel.DailyCallsByRest + starBackfillPages : 0)
        + (WeeklyReadsDue(repository, today) ? CollectionCallModel.WeeklyCalls : 0);

    /// <summary>
    /// Reads and stores the repository's counters for today, conditionally when a tag is known; a 304 stores the counters of
    /// the tag's day again for today. Falls back to a plain read when what the tag stands for is not stored (any more).
    /// </summary>
    /// <returns>GitHub's id of the repository and its star count.</returns>
    private async Task<(long GitHubId, int Stars)> ReadCountersAsync(
        TrackedRepository repository, IGitHubClient client, DateOnly today, GitHubETag? known, Action<string, string?, DateOnly> answered, CancellationToken cancellationToken)
    {
        var id = repository.Id;
        if (known is not null && repository.GitHubId is { } gitHubId)
        {
            var (info, notModified, etag) = await ConditionalRead.SendAsync(known.ETag, () => client.Repository.Get(repository.Owner, repository.Name)).ConfigureAwait(false);
            if (!notModified)
            {
                return await StoreAsync(info!, etag).ConfigureAwait(false);
            }

            var stored = await traffic.GetRepositoryStatsAsync(repository.TenantId, id, new DateRange(known.ReadOn, known.ReadOn), cancellationToken).ConfigureAwait(false);
            if (stored.Count == 1)
            {
                if (known.ReadOn != today)
                {
                    await traffic.MergeRepositoryStatsAsync([stored[0] with { Day = today }], cancellationToken).ConfigureAwait(false);
                }

                answered(RepositoryRead, etag, today);
                return (gitHubId, stored[0].Stars);
            }
        }

        var (read, _, tag) = await ConditionalRead.SendAsync<Repository>(null, () => client.Repository.Get(repository.Owner, repository.Name)).ConfigureAwait(false);
        return await StoreAsync(read!, tag).ConfigureAwait(false);

        async Task<(long, int)> StoreAsync(Repository info, string? etag)
        {
            var stored = await StoreCountersAsync(
                id, today, new RepositoryCounters(info.Id, info.StargazersCount, info.ForksCount, info.SubscribersCount, info.OpenIssuesCount, info.Size), cancellationToken)
                .ConfigureAwait(false);
            answered(RepositoryRead, etag, today);
            return stored;
        }
    }

    /// <summary>Stores today's counters, however they were read.</summary>
    /// <returns>GitHub's id of the repository and its star count.</returns>
    private async Task<(long GitHubId, int Stars)> StoreCountersAsync(long id, DateOnly today, RepositoryCounters counters, CancellationToken cancellationToken)
    {
        await traffic.MergeRepositoryStatsAsync(
            [new RepositoryDailyStats(id, today, counters.Stars, counters.Forks, counters.Watchers, counters.OpenIssues, counters.SizeKb)],
            cancellationToken).ConfigureAwait(false);
        return (counters.GitHubId, counters.Stars);
    }

    /// <summary>The snapshots stored on <paramref name="readOn"/>, dated <paramref name="today"/>; none when they are today's already.</summary>
    private static async Task<List<T>> StoredAgainAsync<T>(DateOnly readOn, DateOnly today, Func<DateRange, Task<IReadOnlyList<T>>> read, Func<T, T> redate) =>
        readOn == today ? [] : [.. (await read(new DateRange(readOn, readOn)).ConfigureAwait(false)).Select(redate)];

    private async Task ReadReleasesAsync(TrackedRepository repository, IGitHubClient client, CancellationToken cancellationToken)
    {
        var readOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var listed = await GitHubPagedListing.ReadAllAsync<Release>(client, ApiUrls.Releases(repository.Owner, repository.Name), options.Value.MaxPagesPerListing, cancellationToken).ConfigureAwait(false);

        // Drafts show only to pushers and cannot be downloaded: they are no release of the repository yet.
        var read = listed
            .Where(r => !r.Draft)
            .Select(r => new ReleaseReading(
                r.Id,
                Cut(r.TagName, FieldLimits.ReleaseTag),
                Cut(string.IsNullOrWhiteSpace(r.Name) ? r.TagName : r.Name, FieldLimits.ReleaseName),
                Day(r.PublishedAt ?? r.CreatedAt),
                r.Prerelease,
                (r.Assets ?? []).Select(a => new AssetReading(a.Id, Cut(a.Name, FieldLimits.AssetName), Day(a.CreatedAt), Math.Max(0, a.DownloadCount))).ToList()))
            .ToList();
        await releases.MergeReleaseReadAsync(new ReleaseRead(repository.Id, readOn, read), cancellationToken).ConfigureAwait(false);
    }

    private static List<TrafficDay> Days(long repositoryId, RepositoryTrafficViewSummary? views, RepositoryTrafficCloneSummary? clones)
    {
        var days = new SortedDictionary<DateOnly, (int Views, int UniqueViews, int Clones, int UniqueClones)>();
        foreach (var view in views?.Views ?? [])
        {
            var day = Day(view.Timestamp);
            days[day] = days.GetValueOrDefault(day) with { Views = view.Count, UniqueViews = Math.Min(view.Uniques, view.Count) };
        }

        foreach (var clone in clones?.Clones ?? [])
        {
            var day = Day(clone.Timestamp);
            days[day] = days.GetValueOrDefault(day) with { Clones = clone.Count, UniqueClones = Math.Min(clone.Uniques, clone.Count) };
        }

        return days.Select(d => new TrafficDay(repositoryId, d.Key, d.Value.Views, d.Value.UniqueViews, d.Value.Clones, d.Value.UniqueClones)).ToList();
    }

    private static List<TrafficWeek> Weeks(long repositoryId, RepositoryTrafficViewSummary? views, RepositoryTrafficCloneSummary? clones)
    {
        var weeks = new SortedDictionary<DateOnly, (int Views, int UniqueViews, int Clones, int UniqueClones)>();
        foreach (var view in views?.Views ?? [])
        {
            var week = DateRange.WeekStartOf(Day(view.Timestamp));
            weeks[week] = weeks.GetValueOrDefault(week) with { Views = view.Count, UniqueViews = Math.Min(view.Uniques, view.Count) };
        }

        foreach (var clone in clones?.Clones ?? [])
        {
            var week = DateRange.WeekStartOf(Day(clone.Timestamp));
            weeks[week] = weeks.GetValueOrDefault(week) with { Clones = clone.Count, UniqueClones = Math.Min(clone.Uniques, clone.Count) };
        }

        return weeks.Select(w => new TrafficWeek(repositoryId, w.Key, w.Value.Views, w.Value.UniqueViews, w.Value.Clones, w.Value.UniqueClones)).ToList();
    }

    private static DateOnly Day(DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.UtcDateTime);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
