using GhStats.Domain;

namespace GhStats.Storage.Releases;

/// <summary>
/// Derives daily downloads from asset snapshots, as <see cref="Stores.IReleaseStore"/> documents: each snapshot adds
/// the growth since the asset's previous one (never negative); a first snapshot adds its whole count only when the asset
/// or its release appeared on or after the repository's previous read, and is otherwise the before-tracking baseline.
/// </summary>
internal static class DownloadHistory
{
    public static ReleaseDownloads Derive(
        long repositoryId,
        DateRange range,
        IReadOnlyList<DateOnly> readDays,
        IReadOnlyList<(RepositoryRelease Release, DateOnly LastSeenOn)> releases,
        IReadOnlyList<AssetSnapshot> snapshots)
    {
        // Snapshot days are read days even if a read day's row were missing, so no counted download ever sits on a "not read" day.
        var reads = readDays.Concat(snapshots.Select(s => s.CapturedOn)).Distinct().Order().ToList();
        var published = releases.ToDictionary(r => r.Release.GitHubReleaseId, r => r.Release.PublishedOn);

        // (day, release) -> downloads counted on that day's read.
        var counted = new Dictionary<(DateOnly Day, long Release), long>();
        foreach (var asset in snapshots.GroupBy(s => s.AssetId))
        {
            AssetSnapshot? previous = null;
            foreach (var snapshot in asset.OrderBy(s => s.CapturedOn))
            {
                var downloads = previous is null
                    ? FirstCount(snapshot, PreviousRead(reads, snapshot.CapturedOn), published.GetValueOrDefault(snapshot.ReleaseId, DateOnly.MaxValue))
                    : Math.Max(0, snapshot.DownloadCount - previous.DownloadCount);
                var key = (snapshot.CapturedOn, snapshot.ReleaseId);
                counted[key] = counted.GetValueOrDefault(key) + downloads;
                previous = snapshot;
            }
        }

        var readSet = reads.ToHashSet();
        var byDay = counted.Where(c => c.Value > 0).ToLookup(c => c.Key.Day, c => new ReleaseDayDownloads(c.Key.Release, c.Value));
        var days = new List<DownloadDay>(range.Days);
        for (var day = range.From; day <= range.To; day = day.AddDays(1))
        {
            if (!readSet.Contains(day))
            {
                days.Add(new DownloadDay(day, null, 0, []));
                continue;
            }

            var perRelease = byDay[day].OrderBy(r => r.GitHubReleaseId).ToList();
            var span = PreviousRead(reads, day) is { } before ? day.DayNumber - before.DayNumber : 1;
            days.Add(new DownloadDay(day, perRelease.Sum(r => r.Downloads), span, perRelease));
        }

        DateOnly? lastRead = reads.Count == 0 ? null : reads[^1];
        var lastCounts = snapshots.GroupBy(s => s.AssetId).Select(a => a.MaxBy(s => s.CapturedOn)!).ToList();
        var totals = releases
            .Select(r =>
            {
                var id = r.Release.GitHubReleaseId;
                var total = lastCounts.Where(s => s.ReleaseId == id && s.CapturedOn == r.LastSeenOn).Sum(s => s.DownloadCount);
                var inRange = counted.Where(c => c.Key.Release == id && range.Contains(c.Key.Day)).Sum(c => c.Value);
                return new ReleaseDownloadTotals(r.Release, total, inRange, r.LastSeenOn == lastRead);
            })
            .OrderByDescending(t => t.Release.PublishedOn).ThenByDescending(t => t.Release.GitHubReleaseId)
            .ToList();

        return new ReleaseDownloads(
            repositoryId,
            range,
            lastRead,
            totals.Where(t => t.Listed).Sum(t => t.TotalDownloads),
            days.Sum(d => d.Downloads ?? 0),
            days.Count(d => d.Read),
            days,
            totals);
    }

    private static long FirstCount(AssetSnapshot snapshot, DateOnly? previousRead, DateOnly releasePublishedOn)
    {
        // Uploaded (or published) since the previous read: every download it has happened since then.
        var appeared = snapshot.CreatedOn > releasePublishedOn ? snapshot.CreatedOn : releasePublishedOn;
        return previousRead is { } before && appeared >= before ? snapshot.DownloadCount : 0;
    }

    private static DateOnly? PreviousRead(List<DateOnly> reads, DateOnly day)
    {
        var index = reads.BinarySearch(day);
        var before = (index >= 0 ? index : ~index) - 1;
        return before >= 0 ? reads[before] : null;
    }
}
