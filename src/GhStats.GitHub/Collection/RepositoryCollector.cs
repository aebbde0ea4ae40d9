using GhStats.Domain;
using GhStats.GitHub.Client;
using GhStats.Stores;
using Octokit;
using DateRange = GhStats.Domain.DateRange;

namespace GhStats.GitHub.Collection;

/// <summary>
/// Collects one repository: its counters, daily views and clones, top referrers and paths, once a week GitHub's
/// weekly figures, once a day its releases' download counts, and until it is done a part of its star history before
/// tracking, merged through the store ports.
/// </summary>
internal sealed class RepositoryCollector(ITrafficStore traffic, IRepositoryStore repositories, IReleaseStore releases, StarHistoryBackfill stars, TimeProvider clock)
{
    /// <summary>Collects and stores; throws what GitHub or the store threw.</summary>
    /// <returns>GitHub's id of the repository.</returns>
    public async Task CollectAsync(TrackedRepository repository, IGitHubClient client, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (owner, name, id) = (repository.Owner, repository.Name, repository.Id);

        // Reading the repository first finds a wrong name or token with one call; its counters are kept even if traffic is refused.
        var info = await client.Repository.Get(owner, name).ConfigureAwait(false);
        await traffic.MergeRepositoryStatsAsync(
            [new RepositoryDailyStats(id, today, info.StargazersCount, info.ForksCount, info.SubscribersCount, info.OpenIssuesCount, info.Size)],
            cancellationToken).ConfigureAwait(false);

        // Both reads succeeded, so GitHub's window is known: the days it left out are zeros, its edges were cut short.
        // A read that throws records nothing here, so a failure never turns unread days into known ones.
        var readOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var views = await client.Repository.Traffic.GetViews(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Day)).ConfigureAwait(false);
        var clones = await client.Repository.Traffic.GetClones(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Day)).ConfigureAwait(false);
        await traffic.MergeTrafficWindowAsync(TrafficWindow.FromRead(id, readOn, Days(id, views, clones)), cancellationToken).ConfigureAwait(false);

        var referrers = await client.Repository.Traffic.GetAllReferrers(owner, name).ConfigureAwait(false);
        await traffic.MergeReferrerSnapshotsAsync(
            referrers.Select(r => new ReferrerSnapshot(id, today, Cut(r.Referrer, FieldLimits.Referrer), r.Count, Math.Min(r.Uniques, r.Count))).ToList(),
            cancellationToken).ConfigureAwait(false);

        var paths = await client.Repository.Traffic.GetAllPaths(owner, name).ConfigureAwait(false);
        await traffic.MergePathSnapshotsAsync(
            paths.Select(p => new PathSnapshot(id, today, Cut(p.Path, FieldLimits.Path), Cut(p.Title ?? string.Empty, FieldLimits.PathTitle), p.Count, Math.Min(p.Uniques, p.Count))).ToList(),
            cancellationToken).ConfigureAwait(false);

        // GitHub's weekly uniques are the only true ones; reading them once a week, after Monday, catches each week once complete.
        DateOnly? weeklyOn = null;
        if (repository.WeeklyCollectedOn is not { } last || last < DateRange.WeekStartOf(today))
        {
            var weeklyViews = await client.Repository.Traffic.GetViews(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Week)).ConfigureAwait(false);
            var weeklyClones = await client.Repository.Traffic.GetClones(owner, name, new RepositoryTrafficRequest(TrafficDayOrWeek.Week)).ConfigureAwait(false);
            await traffic.MergeTrafficWeeksAsync(Weeks(id, weeklyViews, weeklyClones), cancellationToken).ConfigureAwait(false);
            weeklyOn = today;
        }

        await repositories.RecordCollectionAsync(id, "ok", info.Id, weeklyOn, cancellationToken).ConfigureAwait(false);

        // Last, once a day: a failure here is recorded like any other, after the traffic above is safely stored.
        if (await releases.GetLastReleaseReadAsync(id, cancellationToken).ConfigureAwait(false) is not { } releasesRead || releasesRead < today)
        {
            await ReadReleasesAsync(repository, client, cancellationToken).ConfigureAwait(false);
        }

        // Last, so the star backfill spends only what is left and its failures never fail the repository.
        await stars.BackfillAsync(repository, client, info.StargazersCount, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReadReleasesAsync(TrackedRepository repository, IGitHubClient client, CancellationToken cancellationToken)
    {
        var readOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var listed = await client.Repository.Release.GetAll(repository.Owner, repository.Name, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);

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

    private static List<TrafficDay> Days(long repositoryId, RepositoryTrafficViewSummary views, RepositoryTrafficCloneSummary clones)
    {
        var days = new SortedDictionary<DateOnly, (int Views, int UniqueViews, int Clones, int UniqueClones)>();
        foreach (var view in views.Views ?? [])
        {
            var day = Day(view.Timestamp);
            days[day] = days.GetValueOrDefault(day) with { Views = view.Count, UniqueViews = Math.Min(view.Uniques, view.Count) };
        }

        foreach (var clone in clones.Clones ?? [])
        {
            var day = Day(clone.Timestamp);
            days[day] = days.GetValueOrDefault(day) with { Clones = clone.Count, UniqueClones = Math.Min(clone.Uniques, clone.Count) };
        }

        return days.Select(d => new TrafficDay(repositoryId, d.Key, d.Value.Views, d.Value.UniqueViews, d.Value.Clones, d.Value.UniqueClones)).ToList();
    }

    private static List<TrafficWeek> Weeks(long repositoryId, RepositoryTrafficViewSummary views, RepositoryTrafficCloneSummary clones)
    {
        var weeks = new SortedDictionary<DateOnly, (int Views, int UniqueViews, int Clones, int UniqueClones)>();
        foreach (var view in views.Views ?? [])
        {
            var week = DateRange.WeekStartOf(Day(view.Timestamp));
            weeks[week] = weeks.GetValueOrDefault(week) with { Views = view.Count, UniqueViews = Math.Min(view.Uniques, view.Count) };
        }

        foreach (var clone in clones.Clones ?? [])
        {
            var week = DateRange.WeekStartOf(Day(clone.Timestamp));
            weeks[week] = weeks.GetValueOrDefault(week) with { Clones = clone.Count, UniqueClones = Math.Min(clone.Uniques, clone.Count) };
        }

        return weeks.Select(w => new TrafficWeek(repositoryId, w.Key, w.Value.Views, w.Value.UniqueViews, w.Value.Clones, w.Value.UniqueClones)).ToList();
    }

    private static DateOnly Day(DateTimeOffset timestamp) => DateOnly.FromDateTime(timestamp.UtcDateTime);

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
