namespace GhStats.Web.Badges;

/// <summary>
/// What a badge shows. Release downloads are not collected yet, so there is no downloads badge; adding one is a new case here
/// and in <see cref="BadgeValues"/>.
/// </summary>
internal enum BadgeMetric
{
    Views,
    Uniques,
    Clones,
    Stars,
}

internal static class BadgeMetrics
{
    public static bool TryParse(string text, out BadgeMetric metric)
    {
        (var known, metric) = text switch
        {
            "views" => (true, BadgeMetric.Views),
            "uniques" => (true, BadgeMetric.Uniques),
            "clones" => (true, BadgeMetric.Clones),
            "stars" => (true, BadgeMetric.Stars),
            _ => (false, default),
        };
        return known;
    }
}
