using GhStats.Domain;
using GhStats.Stores;

namespace GhStats.Transfer.Import;

/// <summary>
/// What a repository already holds, against incoming days and snapshots (an import's or a restored archive's): the
/// comparison that both the dry run and the real write count by, so the two report the same.
/// </summary>
internal sealed class StoredHistory(ITrafficStore traffic)
{
    /// <summary>Sorts the incoming days against what the store has: new, raised, unchanged, lower; only new and raised are written.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="repositoryId">The stored repository, or null when it does not exist (yet): every day is new.</param>
    /// <param name="days">The incoming days, one per day, oldest first.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<DayComparison> CompareDaysAsync(long tenantId, long? repositoryId, List<SourceDay> days, CancellationToken cancellationToken)
    {
        var comparison = new DayComparison();
        var stored = new Dictionary<DateOnly, TrafficPoint>();
        if (repositoryId is { } id && days.Count > 0)
        {
            var series = await traffic.GetTrafficSeriesAsync(tenantId, id, new DateRange(days[0].Day, days[^1].Day), TrafficPeriod.Day, cancellationToken).ConfigureAwait(false);
            foreach (var point in series.Points.Where(p => p.Coverage != DayCoverage.NotCollected))
            {
                stored[point.Date] = point;
            }
        }

        foreach (var day in days)
        {
            if (!stored.TryGetValue(day.Day, out var have))
            {
                comparison.New++;
                comparison.ToWrite.Add(day);
                continue;
            }

            long[] source = [day.Views, day.UniqueViews, day.Clones, day.UniqueClones];
            long[] kept = [have.Views, have.UniqueViews ?? 0, have.Clones, have.UniqueClones ?? 0];
            var higher = day.Coverage > have.Coverage || source.Zip(kept).Any(pair => pair.First > pair.Second);
            if (higher)
            {
                comparison.Raised++;
                comparison.ToWrite.Add(day);
            }
            else if (source.Zip(kept).Any(pair => pair.First < pair.Second))
            {
                comparison.Lower++;
            }
            else
            {
                comparison.Unchanged++;
            }
        }

        return comparison;
    }

    /// <summary>Snapshot rows of capture days the store has no snapshot of that kind for: a capture day already stored keeps its own.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="repositoryId">The stored repository, or null when it does not exist (yet): every row is new.</param>
    /// <param name="snapshots">The incoming rows.</param>
    /// <param name="paths">Whether they are popular paths (else referrers).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<List<SourceSnapshot>> NewSnapshotsAsync(long tenantId, long? repositoryId, List<SourceSnapshot> snapshots, bool paths, CancellationToken cancellationToken)
    {
        if (repositoryId is not { } id || snapshots.Count == 0)
        {
            return snapshots;
        }

        var range = new DateRange(snapshots.Min(s => s.CapturedOn), snapshots.Max(s => s.CapturedOn));
        var captured = paths
            ? (await traffic.GetPathHistoryAsync(tenantId, id, range, cancellationToken).ConfigureAwait(false)).Select(s => s.CapturedOn).ToHashSet()
            : (await traffic.GetReferrerHistoryAsync(tenantId, id, range, cancellationToken).ConfigureAwait(false)).Select(s => s.CapturedOn).ToHashSet();
        return snapshots.Where(s => !captured.Contains(s.CapturedOn)).ToList();
    }

    /// <summary>Incoming days sorted against the store's.</summary>
    internal sealed class DayComparison
    {
        public int New { get; set; }

        public int Raised { get; set; }

        public int Unchanged { get; set; }

        public int Lower { get; set; }

        public List<SourceDay> ToWrite { get; } = [];
    }
}
