using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;

namespace GhStats.Web.Badges;

/// <summary>The store ports a badge reads.</summary>
internal sealed record BadgeSources(ITrafficStore Traffic, IReleaseStore Releases);

/// <summary>A badge's label, message and colours, read through the store ports like the summary API reads them.</summary>
internal sealed record BadgeValues(string Label, string Message, string NamedColor, string HexColor)
{
    public static async Task<BadgeValues> ReadAsync(
        TrackedRepository repository, BadgeMetric metric, int? days, BadgeSources sources, DateOnly today, CancellationToken cancellationToken)
    {
        if (metric == BadgeMetric.Downloads)
        {
            return await DownloadsAsync(repository, days, sources.Releases, today, cancellationToken).ConfigureAwait(false);
        }

        var traffic = sources.Traffic;
        var range = new DateRange(days is { } n ? today.AddDays(-(n - 1)) : RangeQuery.Earliest, today);
        var span = days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d}d") : "all time";
        var summaries = await traffic.GetTenantSummaryAsync(repository.TenantId, range, [repository.Id], cancellationToken).ConfigureAwait(false);
        var summary = summaries.FirstOrDefault(s => s.Repository.Id == repository.Id);
        var totals = summary?.Totals ?? TrafficTotals.Empty;

        // A range without a single collected day has no number: "not collected" is never shown as zero.
        var collected = totals.DaysWithData > 0 || totals.KnownDays > 0;
        return metric switch
        {
            BadgeMetric.Views => Count($"views ({span})", collected ? totals.Views : null),
            BadgeMetric.Uniques => Count($"visitors (peak day, {span})", collected ? totals.PeakDailyUniqueViews : null),
            BadgeMetric.Clones => Count($"clones ({span})", collected ? totals.Clones : null),
            BadgeMetric.Stars => Count("stars", summary?.LatestStats?.Stars),
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
    }

    /// <summary>
    /// Release downloads counted on the read days of the last <paramref name="days"/> days, or, since tracking, the
    /// releases' whole download counts at the last read (downloads from before tracking included, as GitHub counts them).
    /// Never read: no data.
    /// </summary>
    private static async Task<BadgeValues> DownloadsAsync(TrackedRepository repository, int? days, IReleaseStore releases, DateOnly today, CancellationToken cancellationToken)
    {
        var range = new DateRange(days is { } n ? today.AddDays(-(n - 1)) : today, today);
        var downloads = await releases.GetDailyDownloadsAsync(repository.TenantId, repository.Id, range, cancellationToken).ConfigureAwait(false);
        return days is { } d
            ? Count(string.Create(CultureInfo.InvariantCulture, $"downloads ({d}d)"), downloads.ReadDays > 0 ? downloads.DownloadsInRange : null)
            : Count("downloads", downloads.LastReadOn is null ? null : downloads.TotalDownloads);
    }

    private static BadgeValues Count(string label, long? value) => value is { } v
        ? new BadgeValues(label, BadgeNumbers.Compact(v), "blue", "#007ec6")
        : new BadgeValues(label, "no data", "lightgrey", "#9f9f9f");
}
