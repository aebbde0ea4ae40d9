using GhStats.Domain;
using GhStats.Stores;
using Microsoft.Extensions.Options;

namespace GhStats.Notifications.Events;

/// <summary>
/// Composes a weekly digest from the store ports the API reads too (the tenant summary for the week's range, the
/// per=week series, the referrer and path snapshot histories), so its numbers are the API's for the same week.
/// </summary>
internal sealed class DigestComposer(ITrafficStore traffic, IOptions<GhStatsNotificationsOptions> options)
{
    /// <summary>Repositories listed, busiest first.</summary>
    public const int TopRepositories = 25;

    /// <summary>Pages listed under the most viewed content.</summary>
    public const int TopContentLines = 10;

    /// <summary>GitHub's referrer list is a top 10.</summary>
    private const int ReferrerTop = 10;

    /// <summary>Composes the digest of <paramref name="week"/> for a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="week">The week.</param>
    /// <param name="visibleRepositoryIds">Only these repositories (a subscriber with repository grants), or null for all.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<DigestPayload> ComposeAsync(long tenantId, DigestWeek week, IReadOnlyCollection<long>? visibleRepositoryIds, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        var rows = await traffic.GetTenantSummaryAsync(tenantId, week.Days, visibleRepositoryIds, cancellationToken).ConfigureAwait(false);
        var before = (await traffic.GetTenantSummaryAsync(tenantId, week.Previous.Days, visibleRepositoryIds, cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Repository.Id, r => r.Totals.Views);

        // A repository quiet in both weeks has nothing to say.
        var top = rows
            .Where(r => r.Totals.Views > 0 || before.GetValueOrDefault(r.Repository.Id) > 0)
            .OrderByDescending(r => r.Totals.Views).ThenBy(r => r.Repository.FullName, StringComparer.OrdinalIgnoreCase)
            .Take(TopRepositories)
            .ToList();

        var repositories = new List<DigestRepository>(top.Count);
        var newReferrers = new List<DigestReferrer>();
        var content = new List<DigestContent>();
        foreach (var row in top)
        {
            var repository = new EventRepository(row.Repository.Id, row.Repository.FullName, AppLinks.Repository(baseUrl, row.Repository.Id));
            var weekly = await traffic.GetTrafficSeriesAsync(tenantId, row.Repository.Id, week.Days, TrafficPeriod.Week, cancellationToken).ConfigureAwait(false);
            var point = weekly.Points.FirstOrDefault(p => p.Date == week.Monday);
            var previous = before.GetValueOrDefault(row.Repository.Id);
            repositories.Add(new DigestRepository(
                repositories.Count + 1, repository, row.Totals.Views, point?.UniqueViews, row.Totals.Clones, point?.UniqueClones,
                previous, row.Totals.Views - previous, ChangePercent(row.Totals.Views, previous), previous == 0,
                week.Days.Days, row.Totals.KnownDays, row.Totals.PartialDays));

            newReferrers.AddRange(await NewReferrersAsync(tenantId, repository, week, cancellationToken).ConfigureAwait(false));
            content.AddRange(await ContentAsync(tenantId, repository, week, cancellationToken).ConfigureAwait(false));
        }

        return new DigestPayload(
            week.Name, week.Days.From, week.Days.To, rows.Sum(r => r.Totals.Views), before.Values.Sum(), rows.Count, repositories,
            [.. newReferrers.OrderByDescending(r => r.Views).ThenBy(r => r.Referrer, StringComparer.Ordinal)],
            [.. content.OrderByDescending(c => c.Views).ThenBy(c => c.Path, StringComparer.Ordinal).Take(TopContentLines)]);
    }

    /// <summary>The change in percent of the week before's views, one decimal; null when that week had none ("new").</summary>
    public static double? ChangePercent(long views, long previous) =>
        previous == 0 ? null : Math.Round((views - previous) * 100.0 / previous, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Referrers in the week's latest snapshot top 10 that were not in the previous week's latest snapshot top 10. Without
    /// a snapshot in either week nothing can be said to have entered.
    /// </summary>
    private async Task<IEnumerable<DigestReferrer>> NewReferrersAsync(long tenantId, EventRepository repository, DigestWeek week, CancellationToken cancellationToken)
    {
        var history = await traffic.GetReferrerHistoryAsync(tenantId, repository.Id, new DateRange(week.Previous.Monday, week.Days.To), cancellationToken)
            .ConfigureAwait(false);
        var now = Latest(history.Where(s => week.Days.Contains(s.CapturedOn)), s => s.CapturedOn);
        var then = Latest(history.Where(s => week.Previous.Days.Contains(s.CapturedOn)), s => s.CapturedOn);
        if (now.Count == 0 || then.Count == 0)
        {
            return [];
        }

        var before = then.OrderByDescending(s => s.Views).Take(ReferrerTop).Select(s => s.Referrer).ToHashSet(StringComparer.Ordinal);
        return now.OrderByDescending(s => s.Views).Take(ReferrerTop)
            .Where(s => !before.Contains(s.Referrer))
            .Select(s => new DigestReferrer(repository, s.Referrer, s.Views, s.UniqueViews, s.CapturedOn))
            .ToList();
    }

    /// <summary>The popular paths of the week's latest snapshot.</summary>
    private async Task<IEnumerable<DigestContent>> ContentAsync(long tenantId, EventRepository repository, DigestWeek week, CancellationToken cancellationToken)
    {
        var history = await traffic.GetPathHistoryAsync(tenantId, repository.Id, week.Days, cancellationToken).ConfigureAwait(false);
        return Latest(history, s => s.CapturedOn)
            .Select(s => new DigestContent(repository, s.Path, s.Title, s.Views, s.UniqueViews, s.CapturedOn))
            .ToList();
    }

    /// <summary>The snapshot rows of the latest capture day.</summary>
    private static List<T> Latest<T>(IEnumerable<T> snapshots, Func<T, DateOnly> capturedOn)
    {
        var list = snapshots.ToList();
        if (list.Count == 0)
        {
            return list;
        }

        var latest = list.Max(capturedOn);
        return [.. list.Where(s => capturedOn(s) == latest)];
    }
}
