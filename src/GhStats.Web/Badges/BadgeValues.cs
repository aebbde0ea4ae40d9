using System.Globalization;
using GhStats.Domain;
using GhStats.Stores;
using GhStats.Web.Api;

namespace GhStats.Web.Badges;

/// <summary>A badge's label, message and colours, read through the store ports like the summary API reads them.</summary>
internal sealed record BadgeValues(string Label, string Message, string NamedColor, string HexColor)
{
    public static async Task<BadgeValues> ReadAsync(
        TrackedRepository repository, BadgeMetric metric, int? days, ITrafficStore traffic, DateOnly today, CancellationToken cancellationToken)
    {
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

    private static BadgeValues Count(string label, long? value) => value is { } v
        ? new BadgeValues(label, BadgeNumbers.Compact(v), "blue", "#007ec6")
        : new BadgeValues(label, "no data", "lightgrey", "#9f9f9f");
}
