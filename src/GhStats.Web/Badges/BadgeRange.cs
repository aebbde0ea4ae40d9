using Microsoft.Extensions.Primitives;

namespace GhStats.Web.Badges;

/// <summary>The <c>days</c> of a badge: 7, 14, 30 (the default) or 90 days ending today, or <c>all</c> (null): since tracking began.</summary>
internal static class BadgeRange
{
    public const int DefaultDays = 30;

    public static bool TryParse(StringValues values, out int? days)
    {
        days = DefaultDays;
        if (values.Count == 0)
        {
            return true;
        }

        (var known, days) = values.Count == 1 ? values[0] switch
        {
            "7" => (true, 7),
            "14" => (true, 14),
            "30" => (true, 30),
            "90" => (true, 90),
            "all" => (true, (int?)null),
            _ => (false, (int?)DefaultDays),
        } : (false, DefaultDays);
        return known;
    }
}
